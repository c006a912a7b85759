// Shared by the benchmarks: build the app once into its own folder, start instances of it on a database
// of the benchmark's own, and run autocannon against them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { postgresConnectionString, postgresSchemaOf, providerOf } from "../lib/db/url";

export const root = path.resolve(import.meta.dirname, "..");
export const BENCH_DIST = ".next-bench";
// The benchmarks sign in and make tokens as the demo accounts, which are seeded on SQLite only unless asked
// for: ask for them on PostgreSQL too (each benchmark's database is its own, dropped afterwards).
process.env.SEED_DEMO ??= "1";

export function buildOnce(): void {
  if (fs.existsSync(path.join(root, BENCH_DIST, "BUILD_ID")) && !process.env.BENCH_REBUILD) return;
  console.log("building the app for the benchmark…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("build failed");
}

export type Server = { url: string; process: ChildProcess; stop: () => Promise<void> };

type ServerOptions = {
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** The checkout to serve (another commit's, for comparisons); this one by default. */
  dir?: string;
  /** The CPUs the instance may run on (a taskset list such as "0"); any by default. */
  cpus?: string | null;
};

export async function startServer(port: number, databaseUrl: string, options: ServerOptions = {}): Promise<Server> {
  const { env = {}, nodeArgs = [], dir = root, cpus = null } = options;
  // SEED_DEMO: the benchmarks use the demo accounts, on PostgreSQL too, where they are not seeded by default.
  // The per-token quota is counted as in production but set far above what a benchmark sends, so that its
  // cost is measured and it never refuses.
  return spawnServer([...nodeArgs, path.join(dir, "scripts/server.mjs")], {
    cwd: dir,
    port,
    cpus,
    readyPath: "/api/health/ready",
    env: {
      NEXT_DIST_DIR: BENCH_DIST,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      SEED_DEMO: "1",
      API_RATE_LIMIT_PER_HOUR: "1000000000",
      ...env,
    },
  });
}

type SpawnOptions = { cwd: string; port: number; cpus: string | null; readyPath: string; env: Record<string, string> };

/** Runs `node <args>` as a server and resolves once `readyPath` answers 2xx (or after 30 s of trying). */
export async function spawnServer(args: string[], { cwd, port, cpus, readyPath, env }: SpawnOptions): Promise<Server> {
  const command = [process.execPath, ...args];
  // taskset execs node in its own place, so the child's pid is the server's.
  const [file, ...rest] = cpus ? ["taskset", "-c", cpus, ...command] : command;
  const child = spawn(file, rest, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

export type LoadResult = {
  /** Responses per second; with `expect`, successes per second only. */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Responses that were not a success (non-2xx, or refused by `expect`) and requests that got no response. */
  failed: number;
  requests: number;
  bytesPerResponse: number;
};

type LoadOptions = {
  connections?: number;
  duration?: number;
  /** A POST (a server action) instead of a GET, with this body. */
  post?: { body: Buffer };
  /**
   * Whether a 2xx response's body is the answer asked for (a page rather than a sign-in form, an action that
   * did its work rather than one that refused). Failed responses are counted in `failed` and left out of
   * `requestsPerSecond`, so that a refusal is never counted as served.
   */
  expect?: (body: string) => boolean;
};

export async function load(url: string, headers: Record<string, string> = {}, options: LoadOptions = {}): Promise<LoadResult> {
  const { expect } = options;
  let refused = 0;
  // autocannon hands every response's status and body to onResponse (it reads the body anyway).
  const requests = expect && [
    {
      onResponse(status: number, body: string) {
        if (status < 200 || status > 299 || !expect(body)) refused++;
      },
    },
  ];
  const result = await autocannon({
    url,
    headers,
    connections: options.connections ?? 16,
    duration: options.duration ?? 10,
    pipelining: 1,
    ...(options.post && { method: "POST" as const, body: options.post.body }),
    ...(requests && { requests }),
  });
  const total = result.requests.total;
  const failed = (expect ? refused : result.non2xx) + result.errors;
  return {
    requestsPerSecond: expect && total ? (result.requests.average * (total - refused)) / total : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    failed,
    requests: total,
    bytesPerResponse: total ? Math.round(result.throughput.total / total) : 0,
  };
}

/** The mean of several runs of one target (requests added up). */
export function mean(runs: LoadResult[]): LoadResult {
  const avg = (pick: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0) / runs.length;
  return {
    requestsPerSecond: avg((r) => r.requestsPerSecond),
    p50: avg((r) => r.p50),
    p99: avg((r) => r.p99),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    bytesPerResponse: runs[0].bytesPerResponse,
  };
}

export function row(label: string, r: LoadResult): string {
  return `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx} |`;
}

/**
 * A database of the benchmark's own: a new schema on BENCH_DATABASE_URL's PostgreSQL, else a fresh SQLite
 * file under data/. Drop it with dropBenchDatabase when done.
 */
export function benchDatabaseUrl(name: string): string {
  const base = process.env.BENCH_DATABASE_URL;
  if (base && providerOf(base) === "postgresql") {
    const url = new URL(base);
    url.searchParams.set("schema", `bench_${name}_${Date.now()}`);
    return url.toString();
  }
  const file = path.join(root, "data", `bench-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  return `file:./data/bench-${name}.db`;
}

export async function dropBenchDatabase(url: string): Promise<void> {
  if (providerOf(url) === "postgresql") {
    const client = new pg.Client({ connectionString: postgresConnectionString(url) });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${postgresSchemaOf(url).replaceAll('"', '""')}" CASCADE`);
    await client.end();
    return;
  }
  const file = path.join(root, url.replace(/^file:/, ""));
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A 95% bootstrap interval for the median of the values: how far the median itself could be off, given how
 * much the values scatter. The resampling is seeded, so a set of values always gets the same interval.
 */
export function medianInterval(values: number[], resamples = 5000): [number, number] {
  let seed = 0x9e3779b9;
  // xorshift32: a small, fixed generator is enough to draw resamples.
  const random = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
  const medians = Array.from({ length: resamples }, () => median(values.map(() => values[Math.floor(random() * values.length)])));
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(resamples * 0.025)], medians[Math.ceil(resamples * 0.975) - 1]];
}

/** CPU time (user + system, all threads) a process has used so far, in ms; null where /proc is missing. */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Keeps the app's instance and the load generator off each other's CPUs: the instance gets the first CPU,
 * this process (autocannon, all its threads) the others. On a 2-core machine that shares everything, a
 * client that steals the server's core in one round and not in the next scatters the figures more than
 * the difference being measured. Null (no split) with fewer than two CPUs, without taskset, or when
 * BENCH_SPLIT_CPUS=0; the figures then come from the shared machine as before.
 */
export function splitCpus(): { app: string; client: string } | null {
  const count = os.availableParallelism();
  if (process.env.BENCH_SPLIT_CPUS === "0" || count < 2) return null;
  const client = count === 2 ? "1" : `1-${count - 1}`;
  const pinned = spawnSync("taskset", ["-a", "-cp", client, String(process.pid)], { stdio: "ignore" });
  return pinned.status === 0 ? { app: "0", client } : null;
}

/** The machine's load averages, printed with every figure: the benchmarks share a 2-core machine. */
export function machineLoad(): string {
  return `load average ${os.loadavg().map((n) => n.toFixed(2)).join(", ")} on ${os.cpus().length} cores`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
