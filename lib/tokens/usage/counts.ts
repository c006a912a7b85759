import "server-only";
import { db } from "../../db/client";
import { UsageBuffer, writeUsage } from "./counts-buffer";
import { processWide } from "../../process-state.mjs";
import { logger } from "../../log/logger.mjs";

// Per-token daily request counts for the details view. A request only increments a counter in memory; a
// timer adds the counts to the database every TOKEN_USAGE_FLUSH_MS (10 s by default), and shutdown writes
// what is left (lib/shutdown.ts), so the API's cost per request stays flat. One buffer per process, kept
// on globalThis because the route handlers and instrumentation (which flushes it) are separate bundles.
const DEFAULT_FLUSH_MS = 10_000;

type UsageState = { buffer: UsageBuffer; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };

const state = processWide<UsageState>("platformTokenUsage", () => ({ buffer: new UsageBuffer(), timer: null, flushing: null }));

export function usageFlushIntervalMs(): number {
  const value = Number(process.env.TOKEN_USAGE_FLUSH_MS);
  return Number.isFinite(value) && value >= 100 ? value : DEFAULT_FLUSH_MS;
}

/** Counts one authenticated request of the token. */
export function countTokenUse(tokenId: string, at: Date = new Date()): void {
  state.buffer.add(tokenId, at);
  // unref: a pending flush must not keep a process alive that is otherwise done.
  state.timer ??= setInterval(() => void flushUsage(), usageFlushIntervalMs()).unref();
}

/** Writes the counts gathered so far; a batch that fails stays buffered for the next flush. */
export async function flushUsage(): Promise<void> {
  // One flush at a time, so that a slow database never has two batches of the same counts in flight.
  if (state.flushing) await state.flushing;
  if (state.buffer.size === 0) return;
  const entries = state.buffer.drain();
  state.flushing = writeUsage(db, entries)
    .then((unwritten) => {
      if (unwritten.length) {
        state.buffer.restore(unwritten);
        logger.error({ event: "token_usage_flush_failed", pending: unwritten.length });
      }
    })
    .finally(() => {
      state.flushing = null;
    });
  await state.flushing;
}
