"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormMessage } from "@/components/ui/alert";
import { InputField } from "@/components/ui/field";
import { createGroupAction, renameGroupAction } from "@/lib/actions/groups";
import { fieldError, INITIAL_ACTION_STATE, submittedValue } from "@/lib/actions/state";
import { LABEL_NAME_MAX } from "@/lib/admin/validation";

/** Creates a visibility group, or renames an existing one. */
export function GroupForm({ group }: { group?: { id: string; name: string } }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(group ? renameGroupAction : createGroupAction, INITIAL_ACTION_STATE);
  const formRef = useFocusFirstInvalid(state);
  return (
    <form ref={formRef} action={formAction} noValidate>
      {group && <input type="hidden" name="groupId" value={group.id} />}
      <FormMessage state={state} />
      <InputField
        label="Name"
        name="name"
        defaultValue={submittedValue(state, "name") ?? group?.name}
        error={fieldError(state, "name")}
        hint={`Up to ${LABEL_NAME_MAX} characters, unique.`}
      />
      <Button type="submit" variant="primary" pending={pending}>
        {group ? "Rename group" : "Create group"}
      </Button>
      {confirmDialog}
    </form>
  );
}
