import "server-only";
import { db } from "../db/client";

// Stamps a token's last-used time at most once a minute. The update is conditional, so however many
// requests or instances race, the database is written at most once per token per minute; it runs off the
// response's path and its failure never fails a request. Pending stamps are flushed on shutdown.
export const LAST_USED_INTERVAL_MS = 60_000;

type State = { recentlyStamped: Map<string, number>; pending: Set<Promise<unknown>> };
const globalState = globalThis as unknown as { platformLastUsed?: State };
const state: State = (globalState.platformLastUsed ??= { recentlyStamped: new Map(), pending: new Set() });

export function stampLastUsed(tokenId: string, lastUsedAt: Date | null, now: Date = new Date()): void {
  const threshold = now.getTime() - LAST_USED_INTERVAL_MS;
  if (lastUsedAt && lastUsedAt.getTime() > threshold) return;
  const stampedHere = state.recentlyStamped.get(tokenId);
  if (stampedHere !== undefined && stampedHere > threshold) return;
  state.recentlyStamped.set(tokenId, now.getTime());
  if (state.recentlyStamped.size > 100_000) state.recentlyStamped.clear();
  const write = db.apiToken
    .updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(threshold) } }] },
      data: { lastUsedAt: now },
    })
    .catch((error: unknown) => {
      state.recentlyStamped.delete(tokenId);
      console.error(JSON.stringify({ event: "last_used_stamp_failed", tokenId, error: String((error as Error)?.message ?? error).slice(0, 200) }));
    })
    .finally(() => state.pending.delete(write));
  state.pending.add(write);
}

export async function flushLastUsed(): Promise<void> {
  await Promise.allSettled([...state.pending]);
}
