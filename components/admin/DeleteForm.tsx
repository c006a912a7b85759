"use client";

import { useId, useState } from "react";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/state";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** The hidden field naming what to delete, e.g. roleId. */
  idField: string;
  id: string;
  buttonLabel: string;
  /** The confirmation: its title names what goes ("Delete role Analyst?"), its text what follows. */
  confirmTitle: string;
  confirmText: string;
};

/**
 * Deletes a role or group after a confirmation, as tokens are; the action refuses one still in use and
 * says why. The dialog sits inside the form, so its button submits it.
 */
export function DeleteForm({ action, idField, id, buttonLabel, confirmTitle, confirmText }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(action, INITIAL_ACTION_STATE);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const textId = useId();
  return (
    <form action={formAction} onSubmit={() => setConfirming(false)}>
      <input type="hidden" name={idField} value={id} />
      <FormMessage state={state} />
      <Button variant="danger" pending={pending} onClick={() => setConfirming(true)}>
        {buttonLabel}
      </Button>
      {confirming && (
        <Dialog labelledBy={titleId} describedBy={textId} onCancel={() => setConfirming(false)} onClosed={() => setConfirming(false)}>
          <DialogTitle id={titleId}>{confirmTitle}</DialogTitle>
          <p id={textId}>{confirmText}</p>
          <DialogFooter>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button type="submit" variant="danger">
              Delete
            </Button>
          </DialogFooter>
        </Dialog>
      )}
      {confirmDialog}
    </form>
  );
}
