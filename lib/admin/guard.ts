import "server-only";
import type { UserAccess } from "../access/user-access";
import { can, getCurrentUser } from "../auth/session";
import { refused, type FormState } from "./form-state";
import { ADMIN_MESSAGES } from "./messages";

export type ManagerCheck = { ok: true; manager: UserAccess } | { ok: false; state: FormState };

/**
 * The caller of an administration action: the signed-in staff user, read live from the database, holding
 * users:manage. Every action starts here and takes the actor from this, never from its arguments.
 */
export async function authorizeManager(): Promise<ManagerCheck> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, state: refused(ADMIN_MESSAGES.signedOut) };
  if (user.area !== "staff" || !can(user, "users:manage")) return { ok: false, state: refused(ADMIN_MESSAGES.notAllowed) };
  return { ok: true, manager: user };
}

/** For pages: whether the user may open the administration pages (the same rule as the actions). */
export function canManageUsers(user: UserAccess): boolean {
  return user.area === "staff" && can(user, "users:manage");
}
