import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { hasPermission, type Permission } from "../access/permissions";
import { loadUserAccess, type UserAccess } from "../access/user-access";
import { AREA_HOME, type Area } from "./areas";
import { authOptions } from "./options";

/**
 * The signed-in user with their live roles and groups, or null when signed out, unknown or deactivated.
 * Cached for one render so a page and its layout share one database read.
 */
export const getCurrentUser = cache(async (): Promise<UserAccess | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await loadUserAccess(userId);
  return user?.active ? user : null;
});

/** For pages: the signed-in user of this area; anyone else is sent to sign in or to their own area. */
export async function requireAreaUser(area: Area, callbackPath: string): Promise<UserAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (user.area !== area) redirect(AREA_HOME[user.area]);
  return user;
}

export function can(user: UserAccess, permission: Permission): boolean {
  return hasPermission(user.permissions, permission);
}
