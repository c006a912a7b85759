// Shared by the benchmarks: build the app once into its own folder, start instances of it on a database
// of the benchmark's own, and run autocannon against them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

export const root = path.resolve(import.meta.dirname, "..");
export const BENCH_DIST = ".next-bench";

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

export async function startServer(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: "production", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; non2xx: number; requests: number; bytesPerResponse: number };

export async function load(url: string, headers: Record<string, string> = {}, options: { connections?: number; duration?: number } = {}): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections: options.connections ?? 16, duration: options.duration ?? 10, pipelining: 1 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    requests: result.requests.total,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

export function row(label: string, r: LoadResult): string {
  return `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx} |`;
}
