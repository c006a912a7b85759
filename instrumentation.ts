// Runs once when a server instance starts, before it serves a request: bring the database schema up to
// date and seed the demo data into an empty database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("./lib/db/prepare");
  await prepareDatabase();
}
