import "server-only";
import type { UserAccess } from "../access/user-access";
import { can } from "../auth/session";

/**
 * Whether the user may administer users, roles, groups and the token policy: a staff user holding
 * users:manage. The pages ask it to show the administration; every administration action asks it again
 * (serverAction's "manager" guard), on the user read live from the database.
 */
export function canManageUsers(user: UserAccess): boolean {
  return user.area === "staff" && can(user, "users:manage");
}
