"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { confirmPasswordAction } from "@/lib/actions/session";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { DialogActions } from "@/components/tokens/DialogActions";
import { Modal } from "@/components/tokens/Modal";

type Props = { onConfirmed: () => void; onCancel: () => void };

/**
 * Asks for the signed-in user's password again before a sensitive action goes on. Rendered into the body, so
 * that it may be opened from inside another form or dialog; the browser moves focus to the password field and
 * back to where it was when the dialog closes.
 */
export function ConfirmPasswordDialog({ onConfirmed, onCancel }: Props) {
  const titleId = useId();
  const descriptionId = useId();
  const fieldId = useId();
  const errorId = useId();
  const [state, formAction, pending] = useActionState(confirmPasswordAction, INITIAL_ACTION_STATE);
  const confirmed = useRef(onConfirmed);
  confirmed.current = onConfirmed;

  useEffect(() => {
    if (state.status === "success") confirmed.current();
  }, [state]);

  const error = state.status === "error" ? state.message : null;
  return createPortal(
    <Modal labelledBy={titleId} describedBy={descriptionId} onCancel={onCancel} onClosed={onCancel}>
      <form action={formAction}>
        <h2 id={titleId}>Confirm your password</h2>
        <p id={descriptionId} className="muted">
          This needs your password again: you last typed it more than 15 minutes ago. What you entered is kept and sent once you
          confirm.
        </p>
        <div className="field">
          <label htmlFor={fieldId}>Password</label>
          <input
            id={fieldId}
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {error && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <DialogActions onCancel={onCancel} pending={pending} label="Confirm" />
      </form>
    </Modal>,
    document.body,
  );
}
