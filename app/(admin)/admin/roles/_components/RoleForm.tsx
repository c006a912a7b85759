"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { ChoiceList } from "@/components/admin/ChoiceList";
import { FormMessage } from "@/components/ui/alert";
import { InputField } from "@/components/ui/field";
import { PERMISSION_DESCRIPTIONS, PERMISSIONS } from "@/lib/access/permissions";
import { createRoleAction, updateRoleAction } from "@/lib/actions/roles";
import { fieldError, INITIAL_ACTION_STATE, submittedList, submittedValue } from "@/lib/actions/state";
import { LABEL_NAME_MAX } from "@/lib/admin/validation";

const PERMISSION_CHOICES = PERMISSIONS.map((permission) => ({ value: permission, label: permission, description: PERMISSION_DESCRIPTIONS[permission] }));

type Props = { role?: { id: string; name: string; permissions: string[] } };

/** Creates a role, or renames an existing one and sets its permissions. */
export function RoleForm({ role }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(role ? updateRoleAction : createRoleAction, INITIAL_ACTION_STATE);
  const formRef = useFocusFirstInvalid(state);
  return (
    <form ref={formRef} action={formAction} noValidate>
      {role && <input type="hidden" name="roleId" value={role.id} />}
      <FormMessage state={state} />
      <InputField
        label="Name"
        name="name"
        defaultValue={submittedValue(state, "name") ?? role?.name}
        error={fieldError(state, "name")}
        hint={`Up to ${LABEL_NAME_MAX} characters, unique.`}
      />
      <ChoiceList
        legend="Permissions"
        name="permissions"
        choices={PERMISSION_CHOICES}
        selected={submittedList(state, "permissions") ?? role?.permissions ?? []}
        error={fieldError(state, "permissions")}
      />
      <Button type="submit" variant="primary" pending={pending}>
        {role ? "Save role" : "Create role"}
      </Button>
      {confirmDialog}
    </form>
  );
}
