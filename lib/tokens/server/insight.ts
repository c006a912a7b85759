import "server-only";
import { db } from "../../db/client";
import type { TokenEventKind } from "./events";
import { maskToken } from "./format";
import { recentDays } from "../usage/counts-buffer";

// What a token's details view shows its owner. Every query carries the owner's id in its `where` (the
// token's own or, for its addresses, events and usage, through the token relation), so a token that is
// not the caller's is indistinguishable from one that does not exist. Callers pass the id from the session.

export const USAGE_DAYS = 30;
const EVENTS_SHOWN = 100;
const TOKEN_ID = /^[0-9A-Za-z]{12}$/;

export type TokenAddressSeen = { address: string; userAgent: string | null; firstSeenAt: Date; lastSeenAt: Date };
export type TokenTimelineEvent = { id: string; kind: TokenEventKind; detail: string | null; createdAt: Date };
export type UsageDay = { day: string; count: number };

export type TokenInsight = {
  id: string;
  name: string;
  note: string | null;
  masked: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedAddress: string | null;
  lastUsedUserAgent: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  previousSecretExpiresAt: Date | null;
  addresses: TokenAddressSeen[];
  events: TokenTimelineEvent[];
  usage: UsageDay[];
};

/** The owner's token with its recent addresses, timeline and daily usage; null when it is not theirs. */
export async function getTokenInsight(ownerId: string, tokenId: string, now: Date = new Date()): Promise<TokenInsight | null> {
  // A missing owner must never reach a query: Prisma drops an undefined filter.
  if (!ownerId || !TOKEN_ID.test(tokenId)) return null;
  const mine = { tokenId, token: { userId: ownerId } };
  const days = recentDays(now, USAGE_DAYS);
  const [token, addresses, events, usage] = await Promise.all([
    db.apiToken.findFirst({
      where: { id: tokenId, userId: ownerId },
      select: {
        id: true,
        name: true,
        note: true,
        createdAt: true,
        lastUsedAt: true,
        lastUsedAddress: true,
        lastUsedUserAgent: true,
        expiresAt: true,
        revokedAt: true,
        revokedReason: true,
        previousSecretExpiresAt: true,
      },
    }),
    db.tokenAddress.findMany({
      where: mine,
      orderBy: [{ lastSeenAt: "desc" }, { firstSeenAt: "desc" }],
      take: 5,
      select: { address: true, userAgent: true, firstSeenAt: true, lastSeenAt: true },
    }),
    db.tokenEvent.findMany({
      where: mine,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EVENTS_SHOWN,
      select: { id: true, kind: true, detail: true, createdAt: true },
    }),
    db.tokenUsageDay.findMany({ where: { ...mine, day: { gte: days[0] } }, select: { day: true, count: true } }),
  ]);
  if (!token) return null;
  const counts = new Map(usage.map((row) => [row.day, row.count]));
  return {
    ...token,
    masked: maskToken(token.id),
    addresses,
    events: events.map((event) => ({ ...event, kind: event.kind as TokenEventKind })),
    usage: days.map((day) => ({ day, count: counts.get(day) ?? 0 })),
  };
}
