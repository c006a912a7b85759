"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormMessage } from "@/components/ui/alert";
import { InputField } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/actions/users";
import { fieldError, INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { PASSWORD_MIN } from "@/lib/admin/validation";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(resetPasswordAction, INITIAL_ACTION_STATE);
  const formRef = useFocusFirstInvalid(state);
  return (
    <form ref={formRef} action={formAction} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <InputField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "password")}
        hint={`At least ${PASSWORD_MIN} characters. The old password stops working at once.`}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Reset password
      </Button>
      {confirmDialog}
    </form>
  );
}
