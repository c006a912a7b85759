"use client";

import { useId } from "react";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { FormAlert } from "@/components/admin/FormAlert";
import { updateTokenPolicyAction } from "@/lib/actions/token-policy";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { LIFETIME_CAP_DAYS } from "@/lib/tokens/shared/expiry";

/** The administrator's cap on the lifetime of every new token. */
export function TokenPolicyForm({ maxLifetimeDays }: { maxLifetimeDays: number | null }) {
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(updateTokenPolicyAction, INITIAL_ACTION_STATE);
  const fieldId = useId();
  const hintId = useId();
  return (
    <form action={formAction} aria-label="Token policy">
      <FormAlert state={state} />
      <div className="field">
        <label htmlFor={fieldId}>Maximum token lifetime</label>
        {/* Keyed by the saved policy: React resets the form after saving, which puts a select back to the default
            it was mounted with (React does not update a select's default later), so without the key it showed
            the old policy and a second save restored it. */}
        <select
          key={maxLifetimeDays ?? "none"}
          id={fieldId}
          name="maxLifetimeDays"
          defaultValue={maxLifetimeDays === null ? "none" : String(maxLifetimeDays)} aria-describedby={hintId}>
          <option value="none">No limit</option>
          {LIFETIME_CAP_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {days} days
            </option>
          ))}
        </select>
        <p id={hintId} className="muted field-hint">
          Applies to the tokens every user generates from now on; with a limit, tokens that never expire cannot be generated.
        </p>
      </div>
      <button type="submit" className="button-primary" disabled={pending} aria-busy={pending || undefined}>
        Save policy
      </button>
      {confirmDialog}
    </form>
  );
}
