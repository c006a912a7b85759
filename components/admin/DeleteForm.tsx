"use client";

import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/state";
import { FormAlert } from "./FormAlert";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** The hidden field naming what to delete, e.g. roleId. */
  idField: string;
  id: string;
  buttonLabel: string;
};

/** Deletes a role or group; the action refuses one still in use and says why. */
export function DeleteForm({ action, idField, id, buttonLabel }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction}>
      <input type="hidden" name={idField} value={id} />
      <FormAlert state={state} />
      <button type="submit" className="button-danger" disabled={pending} aria-busy={pending || undefined}>
        {buttonLabel}
      </button>
      {confirmDialog}
    </form>
  );
}
