"use client";

import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormAlert } from "@/components/admin/FormAlert";
import { TextField } from "@/components/admin/TextField";
import { resetPasswordAction } from "@/lib/actions/users";
import { fieldError, INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { PASSWORD_MIN } from "@/lib/admin/validation";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(resetPasswordAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormAlert state={state} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fieldError(state, "password")}
        hint={`At least ${PASSWORD_MIN} characters. The old password stops working at once.`}
      />
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        Reset password
      </button>
      {confirmDialog}
    </form>
  );
}
