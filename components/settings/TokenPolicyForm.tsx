"use client";

import { Button } from "@/components/ui/button";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { updateTokenPolicyAction } from "@/lib/actions/token-policy";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { LIFETIME_CAP_DAYS } from "@/lib/tokens/shared/expiry";

/** The administrator's cap on the lifetime of every new token. */
export function TokenPolicyForm({ maxLifetimeDays }: { maxLifetimeDays: number | null }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(updateTokenPolicyAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} aria-label="Token policy">
      <FormMessage state={state} />
      <Field
        label="Maximum token lifetime"
        hint="Applies to the tokens every user generates from now on; with a limit, tokens that never expire cannot be generated."
      >
        {/* Keyed by the saved policy: React resets the form after saving, which puts a select back to the default
            it was mounted with (React does not update a select's default later), so without the key it showed
            the old policy and a second save restored it. */}
        {(control) => (
        <Select key={maxLifetimeDays ?? "none"} name="maxLifetimeDays" defaultValue={maxLifetimeDays === null ? "none" : String(maxLifetimeDays)} {...control}>
          <option value="none">No limit</option>
          {LIFETIME_CAP_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {days} days
            </option>
          ))}
        </Select>
        )}
      </Field>
      <Button type="submit" variant="primary" pending={pending}>
        Save policy
      </Button>
      {confirmDialog}
    </form>
  );
}
