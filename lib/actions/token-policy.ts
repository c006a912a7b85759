"use server";

// The administrator's token policy. A public HTTP endpoint built with serverAction: the caller comes from
// the session and must hold users:manage.
import { refreshAdminPages } from "../admin/action-support";
import { ADMIN_MESSAGES } from "../admin/messages";
import { isLifetimeCap, setMaxLifetimeDays, type LifetimeCap } from "../tokens/server/policy";
import { serverAction, type ParsedInput } from "./server-action";
import { succeeded } from "./state";

const CHOOSE = "Choose one of the offered lifetimes.";

function lifetimeCap(formData: FormData): ParsedInput<LifetimeCap | null> {
  const submitted = formData.get("maxLifetimeDays");
  if (submitted === "none") return { ok: true, input: null };
  const days = Number(submitted);
  return isLifetimeCap(days) ? { ok: true, input: days } : { ok: false, message: CHOOSE, errors: { maxLifetimeDays: [CHOOSE] } };
}

export const updateTokenPolicyAction = serverAction({ name: "admin_token_policy", guard: "manager", failed: ADMIN_MESSAGES.failed })
  .input(lifetimeCap)
  .run(async (days) => {
    await setMaxLifetimeDays(days);
    refreshAdminPages();
    return succeeded(days === null ? "Saved. New tokens may last any time, or never expire." : `Saved. New tokens can last at most ${days} days. Existing tokens keep their expiry.`);
  });
