// Writes one recorded use of a token: last-used time, address and user agent on the token, the address in
// its list of recent addresses (at most five are kept), and a timeline event the first time an address is
// ever seen. Takes the database to write to, so tests run the very same code against a scratch database.
import type { Db } from "../../db/connect";
import { LAST_USED_INTERVAL_MS } from "./last-use-memo";
import { recordTokenEvents } from "../server/events";
import { queueNotice } from "../../notices/outbox";

const NEW_ADDRESS_NOTICE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export const ADDRESSES_KEPT = 5;
// Bounds on what a client sends, so that a user agent of megabytes cannot bloat the table.
const MAX_ADDRESS_LENGTH = 100;
const MAX_USER_AGENT_LENGTH = 256;

export type TokenUse = { tokenId: string; address: string; userAgent: string | null; at: Date };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

export async function writeTokenUse(db: Db, use: TokenUse): Promise<void> {
  const address = use.address.slice(0, MAX_ADDRESS_LENGTH);
  const userAgent = use.userAgent ? use.userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null;
  const threshold = new Date(use.at.getTime() - LAST_USED_INTERVAL_MS);
  // Conditional, so that however many requests or instances race, the row changes at most once a minute
  // per token, plus once per change of address.
  const { count } = await db.apiToken.updateMany({
    where: {
      id: use.tokenId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }, { lastUsedAddress: null }, { lastUsedAddress: { not: address } }],
    },
    data: { lastUsedAt: use.at, lastUsedAddress: address, lastUsedUserAgent: userAgent },
  });
  if (count === 0) return;
  await recordAddress(db, { ...use, address, userAgent });
}

async function recordAddress(db: Db, use: TokenUse): Promise<void> {
  const { tokenId, address, userAgent, at } = use;
  const key = { tokenId_address: { tokenId, address } };
  // A known address (the usual case) costs this one statement.
  if ((await db.tokenAddress.updateMany({ where: { tokenId, address }, data: { lastSeenAt: at, userAgent } })).count === 1) return;
  // Only five addresses are kept, so whether one was ever seen is answered by the timeline, which keeps all.
  const [seenBefore, anyBefore] = await Promise.all([
    db.tokenEvent.findFirst({ where: { tokenId, kind: "new_address", detail: address }, select: { id: true } }),
    db.tokenEvent.findFirst({ where: { tokenId, kind: "new_address" }, select: { id: true } }),
  ]);
  try {
    await db.$transaction(async (tx) => {
      await tx.tokenAddress.create({ data: { tokenId, address, userAgent, firstSeenAt: at, lastSeenAt: at } });
      if (seenBefore) return;
      await recordTokenEvents(tx, [{ tokenId, kind: "new_address", detail: address, at }]);
      // A token's very first address is expected; only a later, unknown one is flagged in the list.
      if (!anyBefore) return;
      await tx.apiToken.updateMany({ where: { id: tokenId }, data: { newAddressAt: at } });
      // At most one such mail a day per token, however many new addresses it meets.
      const mailedToday = await tx.notice.findFirst({
        where: { tokenId, kind: "token_new_address", createdAt: { gt: new Date(at.getTime() - NEW_ADDRESS_NOTICE_INTERVAL_MS) } },
        select: { id: true },
      });
      if (!mailedToday) await queueNotice(tx, { kind: "token_new_address", tokenId, at, address });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another instance recorded the same new address at the same moment: its event stands.
    await db.tokenAddress.update({ where: key, data: { lastSeenAt: at, userAgent } });
    return;
  }
  await pruneAddresses(db, tokenId);
}

/** Keeps the most recently seen addresses of a token and deletes the rest. */
async function pruneAddresses(db: Db, tokenId: string): Promise<void> {
  const stale = await db.tokenAddress.findMany({
    where: { tokenId },
    orderBy: [{ lastSeenAt: "desc" }, { firstSeenAt: "desc" }],
    skip: ADDRESSES_KEPT,
    select: { address: true },
  });
  if (stale.length) await db.tokenAddress.deleteMany({ where: { tokenId, address: { in: stale.map((row) => row.address) } } });
}
