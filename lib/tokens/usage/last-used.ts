import "server-only";
import { db } from "../../db/client";
import { writeTokenUse } from "./address-log";
import { countTokenUse } from "./counts";
import { LastUseMemo } from "./last-use-memo";
import { processWide } from "../../process-state.mjs";
import { errorFields, logger } from "../../log/logger.mjs";

export { LAST_USED_INTERVAL_MS } from "./last-use-memo";

// Records a token's use: the daily request count (in memory, written in batches), and the last-used time,
// address and user agent. The latter are written at most once a minute per token, or when the address
// changes (lib/tokens/use-memo.ts bounds how often), so most requests skip without any write. Writes run
// off the response's path, their failure never fails a request, and pending ones are flushed on shutdown.

type PendingState = { pending: Set<Promise<unknown>>; memo: LastUseMemo };

const state = processWide<PendingState>("platformLastUse", () => ({ pending: new Set(), memo: new LastUseMemo() }));

export type UsedToken = { tokenId: string; lastUsedAt: Date | null; lastUsedAddress: string | null };

export function recordTokenUse(token: UsedToken, address: string, userAgent: string | null, now: Date = new Date()): void {
  countTokenUse(token.tokenId, now);
  stampLastUsed(token, address, userAgent, now);
}

export function stampLastUsed(token: UsedToken, address: string, userAgent: string | null, now: Date = new Date()): void {
  if (!state.memo.shouldWrite(token.tokenId, token, address, now.getTime())) return;
  const write = writeTokenUse(db, { tokenId: token.tokenId, address, userAgent, at: now })
    .catch((error: unknown) => {
      logger.error({ event: "last_used_stamp_failed", tokenId: token.tokenId, ...errorFields(error) });
    })
    .finally(() => {
      state.memo.settle(token.tokenId, now.getTime());
      state.pending.delete(write);
    });
  state.pending.add(write);
}

export async function flushLastUsed(): Promise<void> {
  await Promise.allSettled([...state.pending]);
}
