// Runs once when a server instance starts, before it serves a request (lib/startup.ts says what it does).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInstance } = await import("./lib/startup");
  await startInstance();
}
