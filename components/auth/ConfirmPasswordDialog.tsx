"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { confirmPasswordAction } from "@/lib/actions/session";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { Dialog, DialogActions, DialogTitle } from "@/components/ui/dialog";
import { InputField } from "@/components/ui/field";

type Props = { onConfirmed: () => void; onCancel: () => void };

/**
 * Asks for the signed-in user's password again before a sensitive action goes on. Rendered into the body, so
 * that it may be opened from inside another form or dialog; the browser moves focus to the password field and
 * back to where it was when the dialog closes.
 */
export function ConfirmPasswordDialog({ onConfirmed, onCancel }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  const [state, formAction, pending] = useActionState(confirmPasswordAction, INITIAL_ACTION_STATE);
  const confirmed = useRef(onConfirmed);
  confirmed.current = onConfirmed;

  useEffect(() => {
    if (state.status === "success") confirmed.current();
  }, [state]);

  const error = state.status === "error" ? state.message : null;
  return createPortal(
    <Dialog labelledBy={titleId} describedBy={descriptionId} onCancel={onCancel} onClosed={onCancel}>
      <form action={formAction}>
        <DialogTitle id={titleId}>Confirm your password</DialogTitle>
        <p id={descriptionId} className="text-sm text-muted">
          This needs your password again: you last typed it more than 15 minutes ago. What you entered is kept and sent once you
          confirm.
        </p>
        <InputField label="Password" name="password" type="password" autoComplete="current-password" autoFocus error={error ?? undefined} />
        <DialogActions onCancel={onCancel} pending={pending} label="Confirm" />
      </form>
    </Dialog>,
    document.body,
  );
}
