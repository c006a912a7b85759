"use client";

import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormAlert } from "@/components/admin/FormAlert";
import { TextField } from "@/components/admin/TextField";
import { createGroupAction, renameGroupAction } from "@/lib/actions/groups";
import { fieldError, INITIAL_ACTION_STATE, submittedValue } from "@/lib/actions/state";
import { LABEL_NAME_MAX } from "@/lib/admin/validation";

/** Creates a visibility group, or renames an existing one. */
export function GroupForm({ group }: { group?: { id: string; name: string } }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(group ? renameGroupAction : createGroupAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} noValidate>
      {group && <input type="hidden" name="groupId" value={group.id} />}
      <FormAlert state={state} />
      <TextField
        label="Name"
        name="name"
        defaultValue={submittedValue(state, "name") ?? group?.name}
        error={fieldError(state, "name")}
        hint={`Up to ${LABEL_NAME_MAX} characters, unique.`}
      />
      <button type="submit" className="button-primary" disabled={pending} aria-busy={pending || undefined}>
        {group ? "Rename group" : "Create group"}
      </button>
      {confirmDialog}
    </form>
  );
}
