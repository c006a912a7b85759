"use client";

import { Button } from "@/components/ui/button";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { useToast } from "@/components/ui/toast";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { generateTokenAction } from "@/lib/actions/tokens";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { refuseGenerate, type GenerateTokenState } from "@/lib/tokens/shared/action-state";
import { parseGenerateTokenForm } from "@/lib/tokens/shared/validation";
import { GenerateTokenForm } from "./GenerateTokenForm";
import { Dialog } from "@/components/ui/dialog";
import { NewTokenPanel, useShownOnce } from "./NewTokenPanel";

// The browser checks the form with the action's own schema first (against the cap it was shown), so bad
// input costs no request; the action checks again, against the cap in force, because it is a public
// endpoint. The previous state is not sent back to the server.
function submitGenerate(maxLifetimeDays: number | null) {
  return async (_previous: GenerateTokenState, formData: FormData): Promise<GenerateTokenState> => {
    const parsed = parseGenerateTokenForm(formData, { now: new Date(), maxLifetimeDays });
    if (!parsed.success) return refuseGenerate(formData, parsed.errors);
    return generateTokenAction(INITIAL_ACTION_STATE, formData);
  };
}

/** The "Generate token" button and its dialog: the form, then the new token shown once. */
type DialogProps = {
  maxLifetimeDays: number | null;
  /** What the new token will be able to do, shown beside the form before the token is made (server-rendered). */
  access?: ReactNode;
};

export function GenerateTokenDialog({ maxLifetimeDays, access }: DialogProps) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    trigger.current?.focus();
  }

  return (
    <>
      <Button ref={trigger} variant="primary" onClick={() => setOpen(true)}>
        Generate token
      </Button>
      {/* Mounted only while open: closing drops the plaintext token from memory along with the state. */}
      {open && <GenerateTokenFlow maxLifetimeDays={maxLifetimeDays} access={access} onClose={close} />}
    </>
  );
}

function GenerateTokenFlow({ maxLifetimeDays, access, onClose }: DialogProps & { onClose: () => void }) {
  const titleId = useId();
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(
    useMemo(() => submitGenerate(maxLifetimeDays), [maxLifetimeDays]),
    INITIAL_ACTION_STATE,
  );
  const created = state.status === "success" ? state.created : null;
  const toast = useToast();
  useEffect(() => {
    if (created) toast("Token generated");
  }, [created, toast]);
  const { requestClose, panelProps } = useShownOnce(created, onClose);

  return (
    <>
      <Dialog labelledBy={titleId} onCancel={requestClose} onClosed={onClose}>
        {created ? (
          <NewTokenPanel titleId={titleId} created={created} {...panelProps} />
        ) : (
          <GenerateTokenForm titleId={titleId} state={state} formAction={formAction} pending={pending} onCancel={onClose} maxLifetimeDays={maxLifetimeDays}>
            {access}
          </GenerateTokenForm>
        )}
      </Dialog>
      {/* Beside the dialog, not inside it: its Escape must close only itself. */}
      {confirmDialog}
    </>
  );
}
