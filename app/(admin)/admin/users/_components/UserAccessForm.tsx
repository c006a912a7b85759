"use client";

import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { ChoiceList, type Choice } from "@/components/admin/ChoiceList";
import { FormAlert } from "@/components/admin/FormAlert";
import { updateUserAccessAction } from "@/lib/actions/users";
import { fieldError, INITIAL_ACTION_STATE, submittedList } from "@/lib/actions/state";

type Props = { userId: string; roles: Choice[]; groups: Choice[]; roleIds: string[]; groupIds: string[] };

export function UserAccessForm({ userId, roles, groups, roleIds, groupIds }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(updateUserAccessAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormAlert state={state} />
      <ChoiceList legend="Roles" name="roleIds" choices={roles} selected={submittedList(state, "roleIds") ?? roleIds} error={fieldError(state, "roleIds")} />
      <ChoiceList
        legend="Visibility groups"
        name="groupIds"
        choices={groups}
        selected={submittedList(state, "groupIds") ?? groupIds}
        error={fieldError(state, "groupIds")}
      />
      <button type="submit" className="button-primary" disabled={pending} aria-busy={pending || undefined}>
        Save roles and groups
      </button>
      {confirmDialog}
    </form>
  );
}
