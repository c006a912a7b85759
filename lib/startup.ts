import { prepareDatabase } from "./db/prepare";
import { errorFields, logger } from "./log/logger.mjs";
import { markStartupFinished } from "./startup-state";

// What a server instance does once at start, before it serves a request: bring the database schema up to
// date, seed an empty database (lib/db/seed.ts), register what to do at shutdown, and start the background notice
// jobs (lib/notices/worker.ts). Node.js only:
// instrumentation.ts imports it on that runtime alone, which keeps process.exit out of the Edge bundle.
export async function startInstance(): Promise<void> {
  try {
    await prepareDatabase();
    // The start-up's lines (migrations applied, demo accounts present) are on the output before the instance
    // reports ready: whoever watches it starting reads them before its first request, not some time later.
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  } catch (error) {
    // An instance that cannot reach or migrate its database would otherwise keep running and answer 500 to
    // every request; exiting shows the failure to whoever started it (a supervisor restarts it, a person
    // reads why). Only a build lets the error take its normal course.
    if (process.env.NEXT_PHASE === "phase-production-build") throw error;
    logger.error({ event: "startup_failed", ...errorFields(error), message: String((error as Error)?.message ?? error).slice(0, 500) });
    process.exit(1);
  }
  const { registerShutdownHooks } = await import("./shutdown");
  registerShutdownHooks();
  markStartupFinished();
  // Not during a build: it must not deliver mail or write reminders.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startNoticeWorker } = await import("./notices/worker");
    startNoticeWorker();
  }
  // The last start-up line: what came before it (migrations, seeding, the demo-accounts warning) is complete.
  logger.info({ event: "startup_finished" });
}
