// Runs once when a server instance starts, before it serves a request: bring the database schema up to
// date, seed the demo data into an empty database, and register what to do at shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  try {
    await prepareDatabase();
  } catch (error) {
    // An instance that cannot reach or migrate its database would otherwise keep running and answer 500 to
    // every request; exiting shows the failure to whoever started it (a supervisor restarts it, a person
    // reads why). Only a build lets the error take its normal course.
    if (process.env.NEXT_PHASE === "phase-production-build") throw error;
    console.error(JSON.stringify({ event: "startup_failed", error: String((error as Error)?.message ?? error).slice(0, 500) }));
    process.exit(1);
  }
  const { registerShutdownHooks } = await import("./lib/shutdown");
  registerShutdownHooks();
}
