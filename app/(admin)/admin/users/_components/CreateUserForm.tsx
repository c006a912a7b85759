"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { ChoiceList, type Choice } from "@/components/admin/ChoiceList";
import { FormMessage } from "@/components/ui/alert";
import { FieldSet, InputField } from "@/components/ui/field";
import { createUserAction } from "@/lib/actions/users";
import { fieldError, INITIAL_ACTION_STATE, submittedList, submittedValue } from "@/lib/actions/state";
import { PASSWORD_MIN, PERSON_NAME_MAX } from "@/lib/admin/validation";

type Props = { roles: Choice[]; groups: Choice[] };

export function CreateUserForm({ roles, groups }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(createUserAction, INITIAL_ACTION_STATE);
  const formRef = useFocusFirstInvalid(state);
  const area = submittedValue(state, "area") ?? "staff";
  const areaError = fieldError(state, "area");
  return (
    // noValidate: the server's messages are the ones that count, and they say more than the browser's.
    <form ref={formRef} action={formAction} noValidate>
      <FormMessage state={state} />
      <InputField label="Name" name="name" defaultValue={submittedValue(state, "name")} error={fieldError(state, "name")} hint={`Up to ${PERSON_NAME_MAX} characters.`} />
      <InputField label="Email" name="email" type="email" defaultValue={submittedValue(state, "email")} error={fieldError(state, "email")} />
      <InputField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "password")}
        hint={`At least ${PASSWORD_MIN} characters. Give it to the user through a safe channel.`}
      />
      <FieldSet legend="Signs in to" error={areaError}>
        <div className="choice">
          <input id="area-staff" type="radio" name="area" value="staff" defaultChecked={area === "staff"} />
          <label htmlFor="area-staff">Admin panel (staff)</label>
        </div>
        <div className="choice">
          <input id="area-partner" type="radio" name="area" value="partner" defaultChecked={area === "partner"} />
          <label htmlFor="area-partner">Partner hub (partner)</label>
        </div>
      </FieldSet>
      <ChoiceList legend="Roles" name="roleIds" choices={roles} selected={submittedList(state, "roleIds") ?? []} error={fieldError(state, "roleIds")} />
      <ChoiceList
        legend="Visibility groups"
        name="groupIds"
        choices={groups}
        selected={submittedList(state, "groupIds") ?? []}
        error={fieldError(state, "groupIds")}
      />
      <Button type="submit" variant="primary" pending={pending}>
        Create user
      </Button>
      {confirmDialog}
    </form>
  );
}
