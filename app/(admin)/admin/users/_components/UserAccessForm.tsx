"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { ChoiceList, type Choice } from "@/components/admin/ChoiceList";
import { FormMessage } from "@/components/ui/alert";
import { updateUserAccessAction } from "@/lib/actions/users";
import { fieldError, INITIAL_ACTION_STATE, submittedList } from "@/lib/actions/state";

type Props = { userId: string; roles: Choice[]; groups: Choice[]; roleIds: string[]; groupIds: string[] };

export function UserAccessForm({ userId, roles, groups, roleIds, groupIds }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(updateUserAccessAction, INITIAL_ACTION_STATE);
  const formRef = useFocusFirstInvalid(state);
  return (
    <form ref={formRef} action={formAction} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <ChoiceList legend="Roles" name="roleIds" choices={roles} selected={submittedList(state, "roleIds") ?? roleIds} error={fieldError(state, "roleIds")} />
      <ChoiceList
        legend="Visibility groups"
        name="groupIds"
        choices={groups}
        selected={submittedList(state, "groupIds") ?? groupIds}
        error={fieldError(state, "groupIds")}
      />
      <Button type="submit" variant="primary" pending={pending}>
        Save roles and groups
      </Button>
      {confirmDialog}
    </form>
  );
}
