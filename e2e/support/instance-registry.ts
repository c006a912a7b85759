// Every extra app instance a test run starts is written down here, one file per port under
// test-results/instances/, so that whatever a test, a worker or the runner itself fails to stop is found and
// killed afterwards (e2e/support/instance-cleanup.ts, the suite's global setup and teardown). The files also
// reserve the ports: two workers, or a run nested in another, never pick the same one.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REGISTRY = path.join(ROOT, "test-results", "instances");
// Ports TEST_PORT+1 .. TEST_PORT+19 are this helper's; +20 and above belong to tests that pick their own.
const FIRST_OFFSET = 1;
const LAST_OFFSET = 19;

/** Names the run an instance belongs to: set by the global setup, inherited by the workers. */
export const RUN_ID_VARIABLE = "TEST_INSTANCE_RUN";
/** Set in every instance's environment (and so its children's), so that a recorded pid is checked before it is killed. */
export const TAG_VARIABLE = "TEST_INSTANCE_TAG";

export type RegistryEntry = { port: number; runId: string; runnerPid: number; ownerPid: number; tag: string; pid?: number };

export function currentRunId(): string {
  // Outside a Playwright run (no global setup) the process itself is the run.
  return (process.env[RUN_ID_VARIABLE] ??= `${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
}

function runnerPid(): number {
  return Number(currentRunId().split("-")[0]);
}

const entryFile = (port: number) => path.join(REGISTRY, `port-${port}.json`);

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie has ended; it waits only for a parent (or an init that does not reap) to collect it.
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "")[0] !== "Z";
  } catch {
    return true;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

function basePort(): number {
  return Number(process.env.TEST_PORT ?? 3100);
}

/**
 * Reserves a free port of TEST_PORT+1..+19 for an instance (or records the one a caller chose) and returns its
 * entry. Each worker starts looking at a different offset, so that they rarely race for the same file.
 */
export async function reservePort(chosen?: number): Promise<RegistryEntry> {
  fs.mkdirSync(REGISTRY, { recursive: true });
  const entry = (port: number): RegistryEntry => ({ port, runId: currentRunId(), runnerPid: runnerPid(), ownerPid: process.pid, tag: crypto.randomUUID() });
  if (chosen !== undefined) {
    const reserved = entry(chosen);
    fs.writeFileSync(entryFile(chosen), JSON.stringify(reserved));
    return reserved;
  }
  const span = LAST_OFFSET - FIRST_OFFSET + 1;
  const start = (Number(process.env.TEST_PARALLEL_INDEX ?? 0) * 7) % span;
  for (let i = 0; i < span; i++) {
    const port = basePort() + FIRST_OFFSET + ((start + i) % span);
    const reserved = entry(port);
    try {
      fs.writeFileSync(entryFile(port), JSON.stringify(reserved), { flag: "wx" });
    } catch {
      continue; // another instance holds it
    }
    if (await isFree(port)) return reserved;
    fs.rmSync(entryFile(port), { force: true });
  }
  throw new Error(`no free port in ${basePort() + FIRST_OFFSET}-${basePort() + LAST_OFFSET} for another app instance`);
}

export function recordPid(entry: RegistryEntry, pid: number): void {
  entry.pid = pid;
  fs.writeFileSync(entryFile(entry.port), JSON.stringify(entry));
}

/** Forgets an entry, unless its port has been taken over since by another instance. */
export function release(entry: RegistryEntry): void {
  const current = readEntry(entryFile(entry.port));
  if (current?.tag === entry.tag) fs.rmSync(entryFile(entry.port), { force: true });
}

function readEntry(file: string): RegistryEntry | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as RegistryEntry;
  } catch {
    return null;
  }
}

export function entries(): RegistryEntry[] {
  if (!fs.existsSync(REGISTRY)) return [];
  return fs
    .readdirSync(REGISTRY)
    .filter((name) => /^port-\d+\.json$/.test(name))
    .flatMap((name) => readEntry(path.join(REGISTRY, name)) ?? []);
}

/** Whether the process still carries the instance's tag (where /proc tells; elsewhere the pid is trusted). */
function carriesTag(pid: number, tag: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`${TAG_VARIABLE}=${tag}`);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT" && !fs.existsSync("/proc/self/environ");
  }
}

/** Processes that still carry a tag: an instance and whatever it started, even after the leader is gone. */
function taggedPids(tag: string): number[] {
  if (!fs.existsSync("/proc/self/environ")) return [];
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => carriesTag(pid, tag));
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Each instance leads a process group of its own (spawned detached): the group takes its children too.
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills what an entry recorded (checking first that the pid is still the instance's) and forgets the entry. */
export function killEntry(entry: RegistryEntry): boolean {
  let killed = false;
  if (entry.pid && isAlive(entry.pid) && carriesTag(entry.pid, entry.tag)) {
    killGroup(entry.pid, "SIGKILL");
    killed = true;
  }
  for (const pid of taggedPids(entry.tag)) {
    try {
      process.kill(pid, "SIGKILL");
      killed = true;
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(entryFile(entry.port), { force: true });
  return killed;
}
