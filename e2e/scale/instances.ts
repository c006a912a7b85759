// Extra app instances for the scale tests: the same test build (NEXT_DIST_DIR) served by
// scripts/server.mjs on a port of their own, with the session secret every instance must share. The
// Playwright server keeps running beside them; these are the "instances behind a load balancer".
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Ports set aside for these tests, clear of the test servers (3100+) and the benchmarks (3900+).
const PORT_RANGE = [3260, 3269] as const;
const READY_TIMEOUT_MS = 90_000;

export type Instance = { url: string; port: number; log: () => string; stop: () => Promise<void> };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** `count` ports of the range that nothing listens on now. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = PORT_RANGE[0]; port <= PORT_RANGE[1] && ports.length < count; port++) {
    if (await isFree(port)) ports.push(port);
  }
  if (ports.length < count) throw new Error(`fewer than ${count} free ports in ${PORT_RANGE.join("-")}`);
  return ports;
}

/** Starts an instance on `databaseUrl` and resolves once it reports ready (database reachable). */
export async function startInstance(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  if (!process.env.NEXTAUTH_SECRET) throw new Error("instances must share NEXTAUTH_SECRET (scripts/test.mjs sets it)");
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NODE_ENV: "production",
      // As on the Playwright server: each test plays the one trusted proxy and sends its own address.
      TRUSTED_PROXY_HOPS: "1",
      // The tests sign in as the demo accounts on PostgreSQL too, where they are not seeded by default.
      SEED_DEMO: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const instance: Instance = {
    url,
    port,
    log: () => output,
    stop: async () => {
      if (running) child.kill("SIGTERM");
      await exited;
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`instance on port ${port} exited before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await instance.stop();
  throw new Error(`instance on port ${port} was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
}

/** Starts one instance per port at the same moment; if any fails, stops the others and throws. */
export async function startTogether(ports: number[], databaseUrl: string): Promise<Instance[]> {
  const settled = await Promise.allSettled(ports.map((port) => startInstance(port, databaseUrl)));
  const started = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(started.map((instance) => instance.stop()));
    throw failure.reason;
  }
  return started;
}

/** The JSON events an instance logged with the given name (the server logs one JSON object a line). */
export function loggedEvents(instance: Instance, event: string): Record<string, unknown>[] {
  return instance
    .log()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    })
    .filter((entry) => entry.event === event);
}
