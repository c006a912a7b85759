import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { hasPermission, type Permission } from "../access/permissions";
import { toUserAccess, userAccessSelect, type UserAccess } from "../access/user-access";
import { db } from "../db/client";
import { AREA_HOME, type Area } from "./areas";
import { authOptions } from "./options";

type SessionClaims = { user?: { id?: string }; signedInAt?: number; sessionId?: string; confirmedAt?: number };

/** The signed-in user and the session record they are signed in with. */
export type CurrentSession = { user: UserAccess; sessionId: string; confirmedAt: Date };

/**
 * The signed-in user with their live roles and groups, and their session, or null when signed out, unknown,
 * deactivated, or signed in before their password was last reset (a reset ends every session the old
 * password opened). getServerSession runs the jwt callback (lib/auth/options.ts), which refuses a session
 * that was signed out, has been idle an hour or is 8 hours past its sign-in; a session without a record id
 * (issued before records were kept) never gets here. Cached for one render so a page and its layout share
 * one database read.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const row = await db.user.findUnique({ where: { id: userId }, select: { ...userAccessSelect, passwordChangedAt: true } });
  if (!row?.active) return null;
  // A session from before sign-in times were recorded counts as older than any reset.
  if (row.passwordChangedAt && (session.signedInAt ?? 0) < row.passwordChangedAt.getTime()) return null;
  return { user: toUserAccess(row), sessionId, confirmedAt: new Date(session.confirmedAt ?? 0) };
});

/** The one place pages and actions get the signed-in user (see getCurrentSession for what refuses one). */
export async function getCurrentUser(): Promise<UserAccess | null> {
  return (await getCurrentSession())?.user ?? null;
}

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
