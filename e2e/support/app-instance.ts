// A second app instance for tests that need one of their own: another configuration (an https public URL),
// a database reached through a proxy the test controls, or a process the test may kill. It serves the same
// build and database as the main test server (scripts/test.mjs passes NEXT_DIST_DIR and DATABASE_URL), on the
// ports 3270-3279 set aside for these tests. Unlike e2e/scale/instances.ts it takes any environment and
// does not wait for the database: some of these tests start it with the database out of reach.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type AppInstance = { url: string; process: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> };

const root = path.resolve(import.meta.dirname, "../..");

export async function startAppInstance(port: number, env: Record<string, string> = {}): Promise<AppInstance> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    // SEED_DEMO: the tests sign in as the demo accounts on PostgreSQL too, where they are not seeded by default.
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: url, NODE_ENV: "production", TRUSTED_PROXY_HOPS: "1", SEED_DEMO: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app instance on port ${port} exited with code ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`app instance on port ${port} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, process: child, output: () => output, stop };
}
