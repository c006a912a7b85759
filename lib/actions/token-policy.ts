"use server";

// The administrator's token policy. A public HTTP endpoint like every server action: the caller comes
// from the session and must hold users:manage, checked live by authorizeManager.
import { attempt, refreshAdminPages } from "../admin/action-support";
import { refused, succeeded, type FormState } from "../admin/form-state";
import { authorizeManager } from "../admin/guard";
import { isLifetimeCap, setMaxLifetimeDays } from "../tokens/server/policy";

export async function updateTokenPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const submitted = formData.get("maxLifetimeDays");
  const days = submitted === "none" ? null : Number(submitted);
  if (days !== null && !isLifetimeCap(days)) return refused("Choose one of the offered lifetimes.", { maxLifetimeDays: ["Choose one of the offered lifetimes."] });

  const result = await attempt("admin_token_policy_failed", check.manager.id, async () => {
    await setMaxLifetimeDays(days);
    return { ok: true, value: undefined };
  });
  if (!result.ok) return refused(result.message);
  refreshAdminPages();
  return succeeded(days === null ? "Saved. New tokens may last any time, or never expire." : `Saved. New tokens can last at most ${days} days. Existing tokens keep their expiry.`);
}
