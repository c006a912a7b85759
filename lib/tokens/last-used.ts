import "server-only";
import { db } from "../db/client";

// Stamps a token's last-used time at most once a minute. The caller passes the stamp it just read with
// the token, so most requests skip without any write; the update itself is conditional, so however many
// requests or instances race at the minute's turn, the row changes at most once per token per minute.
// It runs off the response's path, its failure never fails a request, and pending stamps are flushed
// on shutdown.
export const LAST_USED_INTERVAL_MS = 60_000;

const globalState = globalThis as unknown as { platformPendingStamps?: Set<Promise<unknown>> };
const pending: Set<Promise<unknown>> = (globalState.platformPendingStamps ??= new Set());

export function stampLastUsed(tokenId: string, lastUsedAt: Date | null, now: Date = new Date()): void {
  const threshold = new Date(now.getTime() - LAST_USED_INTERVAL_MS);
  if (lastUsedAt && lastUsedAt > threshold) return;
  const write = db.apiToken
    .updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }] },
      data: { lastUsedAt: now },
    })
    .catch((error: unknown) => {
      console.error(JSON.stringify({ event: "last_used_stamp_failed", tokenId, error: String((error as Error)?.message ?? error).slice(0, 200) }));
    })
    .finally(() => pending.delete(write));
  pending.add(write);
}

export async function flushLastUsed(): Promise<void> {
  await Promise.allSettled([...pending]);
}
