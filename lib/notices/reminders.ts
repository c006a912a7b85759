// Expiry reminders: 7 days and 1 day before a token expires, and at expiry, one mail per token and
// threshold. Every instance runs this periodically; the notice's unique dedupe key (token, threshold,
// expiry) makes the database accept only the first write of a reminder, whichever instance and however
// often it runs, also across restarts. A regeneration keeps the expiry, so it gets no second round.
import type { Db } from "../db/connect";
import { queueNotice } from "./outbox";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days before expiry, most urgent last. */
export const EXPIRY_THRESHOLDS_DAYS = [7, 1, 0] as const;
// A token that expired longer ago than this gets no "expired" mail (an instance that was down for weeks
// does not mail about old news).
const EXPIRED_NOTICE_WINDOW_MS = DAY_MS;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** The most urgent threshold reached at `now`, or null when none is. */
export function reachedThreshold(expiresAt: Date, createdAt: Date, now: Date): number | null {
  for (const days of [...EXPIRY_THRESHOLDS_DAYS].reverse()) {
    const moment = expiresAt.getTime() - days * DAY_MS;
    // A threshold the token was created past tells its owner nothing new (a 7-day token is not "7 days left").
    if (now.getTime() >= moment) return createdAt.getTime() < moment || days === 0 ? days : null;
  }
  return null;
}

export function reminderKey(tokenId: string, days: number, expiresAt: Date): string {
  return `expiry:${tokenId}:${days}:${expiresAt.getTime()}`;
}

/** Writes the reminders due at `now` to the outbox; returns how many were new. */
export async function queueExpiryReminders(db: Db, now: Date = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...EXPIRY_THRESHOLDS_DAYS) * DAY_MS);
  const tokens = await db.apiToken.findMany({
    where: { revokedAt: null, expiresAt: { lte: horizon, gt: new Date(now.getTime() - EXPIRED_NOTICE_WINDOW_MS) }, user: { active: true } },
    select: { id: true, createdAt: true, expiresAt: true },
  });
  let queued = 0;
  for (const token of tokens) {
    const expiresAt = token.expiresAt!;
    const days = reachedThreshold(expiresAt, token.createdAt, now);
    if (days === null) continue;
    const dedupeKey = reminderKey(token.id, days, expiresAt);
    // The common case, a reminder already written, costs one indexed read and no failed insert.
    if (await db.notice.findUnique({ where: { dedupeKey }, select: { id: true } })) continue;
    try {
      if (await queueNotice(db, { kind: "token_expiry", tokenId: token.id, at: now, expiresAt, daysLeft: days, dedupeKey })) queued += 1;
    } catch (error) {
      // Another instance wrote the same reminder a moment ago: the unique key kept it to one.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return queued;
}
