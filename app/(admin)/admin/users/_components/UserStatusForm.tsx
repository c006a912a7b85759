"use client";

import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormMessage } from "@/components/ui/alert";
import { deactivateUserAction, reactivateUserAction } from "@/lib/actions/users";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";

type Props = { userId: string; active: boolean; isSelf: boolean };

/** Deactivate or reactivate; one form, so the confirmation of the last change stays in view after it. */
export function UserStatusForm({ userId, active, isSelf }: Props) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(active ? deactivateUserAction : reactivateUserAction, INITIAL_ACTION_STATE);
  if (active && isSelf) return <p className="muted">This is your own account: you cannot deactivate it.</p>;
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <p className="muted">
        {active
          ? "Deactivating ends their access to the panel on their next page load and stops their API tokens at once. Their tokens are kept, and work again if the account is reactivated."
          : "This account is deactivated: the user cannot sign in and their API tokens are refused. Reactivating restores both."}
      </p>
      <Button type="submit" variant={active ? "danger" : "primary"} pending={pending}>
        {active ? "Deactivate user" : "Reactivate user"}
      </Button>
      {confirmDialog}
    </form>
  );
}
