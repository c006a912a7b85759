import "server-only";
import { db, rawReader } from "./db/client";
import { flushLastUsed } from "./tokens/usage/last-used";
import { flushUsage } from "./tokens/usage/counts";
import { processWide } from "./process-state.mjs";
import { stopNoticeWorker } from "./notices/worker";

// Called by scripts/server.mjs on SIGTERM once in-flight requests have finished: stop the notice jobs
// (letting a delivery in progress finish), write what is still buffered (last-used stamps, request
// counts), then close the database pool.
export function registerShutdownHooks(): void {
  // scripts/server.mjs runs them, and finds them under this name.
  const hooks = processWide<(() => Promise<void>)[]>("platformShutdownHooks", () => []);
  hooks.push(
    async () => {
      await stopNoticeWorker();
    },
    async () => {
      await flushLastUsed();
    },
    async () => {
      await flushUsage();
    },
    async () => {
      await db.$disconnect();
      await rawReader.close();
    },
  );
}
