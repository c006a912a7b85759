// Session records, given the database like lib/admin/*-mutations.ts: not marked server-only, because
// `npm run create-admin` (plain Node through tsx) loads the user mutations that end sessions.
import crypto from "node:crypto";
import type { Db } from "../db/connect";

const MINUTE = 60 * 1000;

export const SESSION_LIMITS = {
  // From sign-in, whatever the renewals in between.
  absoluteMs: 8 * 60 * MINUTE,
  idleMs: 60 * MINUTE,
  // lastSeenAt is written at most this often per session, so a page load usually costs one read only.
  touchEveryMs: MINUTE,
} as const;

export type LiveSession = { id: string; userId: string; signedInAt: Date; confirmedAt: Date };

/** Whether a session signed in at `signedInAt` is still within its absolute lifetime at `now`. */
export function withinAbsoluteLifetime(signedInAt: number, now: Date): boolean {
  return now.getTime() - signedInAt < SESSION_LIMITS.absoluteMs;
}

/** Records a sign-in and returns the new session's id, which the session cookie carries. */
export async function startSession(db: Db, userId: string, now: Date): Promise<string> {
  // 144 random bits: the id is only ever trusted from inside the encrypted cookie, but it is a key all the same.
  const id = crypto.randomBytes(18).toString("base64url");
  // The user's sessions past the absolute lifetime can never open anything again: dropping them here keeps the
  // table as small as the sessions that can still be alive.
  await db.userSession.deleteMany({ where: { userId, createdAt: { lte: new Date(now.getTime() - SESSION_LIMITS.absoluteMs) } } });
  await db.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now, confirmedAt: now } });
  return id;
}

/**
 * The session as it stands at `now`, or null when it is unknown, another user's, signed out, older than the
 * absolute lifetime or idle for too long. Marks it seen (at most once a minute).
 */
export async function resumeSession(db: Db, sessionId: string, userId: string, now: Date): Promise<LiveSession | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, createdAt: true, lastSeenAt: true, confirmedAt: true, endedAt: true },
  });
  if (!row || row.userId !== userId || row.endedAt) return null;
  if (!withinAbsoluteLifetime(row.createdAt.getTime(), now)) return null;
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (idleFor >= SESSION_LIMITS.idleMs) return null;
  if (idleFor >= SESSION_LIMITS.touchEveryMs) {
    // Conditional on the value read, so that of several requests arriving together only one writes, and on the
    // session being open, so that a sign-out in between is never undone.
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null, lastSeenAt: row.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return { id: sessionId, userId, signedInAt: row.createdAt, confirmedAt: row.confirmedAt };
}

/** Signing out: the session's cookie, and every copy of it, opens nothing from now on. */
export async function endSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/** Ends every session the user has open (a password reset). */
export async function endUserSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
}

/** The password was typed again for this session: sensitive actions are let through for a while (lib/auth/sudo.ts). */
export async function confirmSession(db: Db, sessionId: string, now: Date): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { confirmedAt: now } });
  return count === 1;
}
