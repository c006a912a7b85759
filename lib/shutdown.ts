import "server-only";
import { db, rawReader } from "./db/client";
import { flushLastUsed } from "./tokens/last-used";

// Called by scripts/server.mjs on SIGTERM once in-flight requests have finished: write what is still
// buffered, then close the database pool.
export function registerShutdownHooks(): void {
  const hooks = ((globalThis as unknown as { platformShutdownHooks?: (() => Promise<void>)[] }).platformShutdownHooks ??= []);
  hooks.push(
    async () => {
      await flushLastUsed();
    },
    async () => {
      await db.$disconnect();
      await rawReader.close();
    },
  );
}
