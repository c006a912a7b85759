// Runs once when a server instance starts, before it serves a request: bring the database schema up to
// date, seed the demo data into an empty database, and register what to do at shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  await prepareDatabase();
  const { registerShutdownHooks } = await import("./lib/shutdown");
  registerShutdownHooks();
}
