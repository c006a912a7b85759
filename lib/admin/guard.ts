import "server-only";
import type { UserAccess } from "../access/user-access";
import { passwordConfirmationRequired } from "../auth/confirmation";
import { can, getCurrentSession } from "../auth/session";
import { recentlyConfirmed } from "../auth/sudo";
import { refused, type FormState } from "./form-state";
import { ADMIN_MESSAGES } from "./messages";

export type ManagerCheck = { ok: true; manager: UserAccess } | { ok: false; state: FormState };

/**
 * The caller of an administration action: the signed-in staff user, read live from the database, holding
 * users:manage, who typed their password within the last 15 minutes (sudo mode: every administration action
 * changes something). Every action starts here and takes the actor from this, never from its arguments.
 */
export async function authorizeManager(): Promise<ManagerCheck> {
  const current = await getCurrentSession();
  if (!current) return { ok: false, state: refused(ADMIN_MESSAGES.signedOut) };
  const user = current.user;
  if (user.area !== "staff" || !can(user, "users:manage")) return { ok: false, state: refused(ADMIN_MESSAGES.notAllowed) };
  // Asked after the permission, so that someone who may not act is told so rather than asked for a password.
  if (!recentlyConfirmed(current)) return { ok: false, state: passwordConfirmationRequired() };
  return { ok: true, manager: user };
}

/** For pages: whether the user may open the administration pages (the same rule as the actions). */
export function canManageUsers(user: UserAccess): boolean {
  return user.area === "staff" && can(user, "users:manage");
}
