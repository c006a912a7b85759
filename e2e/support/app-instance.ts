// Extra app instances for tests that need their own: another configuration (a tiny quota, an https public
// URL), a database of their own or one reached through a proxy the test controls, a process the test may
// kill, or several instances on one database as behind a load balancer. Each serves the test build
// (NEXT_DIST_DIR) through scripts/server.mjs on a port of TEST_PORT+1..+19, with the suite's database and
// session secret unless told otherwise.
//
// Every instance is stopped whatever happens to the test: tests take them from the `appInstances` fixture
// (or `workerAppInstances` in beforeAll), whose teardown stops them; each runs in a process group of its own,
// killed as a group; and each is recorded (e2e/support/instance-registry.ts) so that the global teardown
// kills whatever a killed worker could not stop.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { killGroup, recordPid, release, reservePort, TAG_VARIABLE, type RegistryEntry } from "./instance-registry";

export type AppInstance = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything the instance wrote to stdout and stderr so far. */
  output: () => string;
  /** Sends the signal to the instance's process group, and SIGKILL if it has not exited after a grace period. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type Env = Record<string, string>;
export type StartOptions = {
  /** A port of the caller's choosing instead of a free one of TEST_PORT+1..+19. */
  port?: number;
  /** Another server script (a stand-in that starts fast), relative to the project root. */
  script?: string;
  /** Called as soon as the process exists, before it is ready: a test may end while it starts. */
  onSpawned?: (instance: AppInstance) => void;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
// Starting an instance takes seconds on an idle machine and much longer on a loaded one.
const READY_TIMEOUT_MS = 90_000;
// The server finishes in-flight requests and writes what it holds on SIGTERM; after this it is killed.
const STOP_GRACE_MS = 20_000;

// Instances this process started and has not stopped: killed if the process exits without stopping them.
const running = new Map<number, { pid: number; entry: RegistryEntry }>();
process.once("exit", () => {
  for (const { pid, entry } of running.values()) {
    killGroup(pid, "SIGKILL");
    release(entry);
  }
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts an instance and resolves once it is ready (it answers /api/health/ready, so its database is
 * reachable); rejects, saying how it exited and what it wrote, if it exits or is not ready in time. The caller
 * stops it; prefer the fixtures, which also stop it when the test fails or times out.
 */
export async function startAppInstance(port?: number, env: Env = {}, options: Omit<StartOptions, "port"> = {}): Promise<AppInstance> {
  const entry = await reservePort(port);
  const url = `http://localhost:${entry.port}`;
  const child = spawn(process.execPath, [path.join(ROOT, options.script ?? "scripts/server.mjs")], {
    cwd: ROOT,
    // A process group of its own, so that stopping it also stops anything it started.
    detached: true,
    env: {
      ...process.env,
      PORT: String(entry.port),
      NEXTAUTH_URL: url,
      NODE_ENV: "production",
      // As on the Playwright server: each test plays the one trusted proxy and sends its own address.
      TRUSTED_PROXY_HOPS: "1",
      // The tests sign in as the demo accounts on PostgreSQL too, where they are not seeded by default.
      SEED_DEMO: "1",
      ...env,
      [TAG_VARIABLE]: entry.tag,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) {
    release(entry);
    throw new Error(`app instance on port ${entry.port} could not be spawned`);
  }
  const pid = child.pid;
  recordPid(entry, pid);
  running.set(pid, { pid, entry });

  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let isRunning = true;
  void exited.then(() => {
    isRunning = false;
    // Whatever the instance started goes with it.
    killGroup(pid, "SIGKILL");
    running.delete(pid);
    release(entry);
  });

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (isRunning) killGroup(pid, signal);
    const overdue = setTimeout(() => killGroup(pid, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(overdue);
  };

  const instance: AppInstance = { url, port: entry.port, process: child, exited, output: () => output, stop };
  options.onSpawned?.(instance);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!isRunning) throw new Error(`app instance on port ${entry.port} exited with code ${child.exitCode}:\n${output}`);
    try {
      // Ready, and its start-up lines have reached this process too (the pipe may deliver them after the
      // answer), so a test reading them right away sees them all.
      if ((await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(5_000) })).ok && output.includes('"event":"startup_finished"')) return instance;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`app instance on port ${entry.port} was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`);
    }
    await delay(200);
  }
}

/** The instances one test (or one worker) started; `stopAll` is the fixtures' teardown. */
export type AppInstances = {
  start: (env?: Env, options?: StartOptions) => Promise<AppInstance>;
  /** Starts `count` instances at the same moment; if any fails, stops the others and throws. */
  startTogether: (count: number, env?: Env) => Promise<AppInstance[]>;
  stopAll: () => Promise<void>;
};

export function appInstanceGroup(): AppInstances {
  // From the moment each process exists, so that one still starting when the test ends is stopped too.
  const spawned = new Set<AppInstance>();
  const start = (env: Env = {}, options: StartOptions = {}) =>
    startAppInstance(options.port, env, {
      ...options,
      onSpawned: (instance) => {
        spawned.add(instance);
        options.onSpawned?.(instance);
      },
    });
  return {
    start,
    startTogether: async (count, env = {}) => {
      const settled = await Promise.allSettled(Array.from({ length: count }, () => start(env)));
      const failure = settled.find((result) => result.status === "rejected");
      if (failure) {
        await Promise.all(settled.flatMap((result) => (result.status === "fulfilled" ? [result.value.stop()] : [])));
        throw failure.reason;
      }
      return settled.map((result) => (result as PromiseFulfilledResult<AppInstance>).value);
    },
    stopAll: async () => {
      await Promise.all([...spawned].map((instance) => instance.stop()));
      spawned.clear();
    },
  };
}

/** The JSON events an instance logged with the given name (the server logs one JSON object a line). */
export function loggedEvents(instance: AppInstance, event: string): Record<string, unknown>[] {
  return instance
    .output()
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
