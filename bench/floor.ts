// The reference the API benchmark measures the app against: bench/floor/, a Next.js app of the same
// versions with a bare route handler (/bare) and the same behind an empty Node.js-runtime middleware (/mw),
// built and served with `next start`. What the app costs beyond these two is the app's own.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, spawnServer, type Server } from "./support";

const floorDir = path.join(root, "bench", "floor");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const env = { NEXT_TELEMETRY_DISABLED: "1" };

/** Builds the floor app into bench/floor/.next (gitignored) unless built already (BENCH_REBUILD=1 rebuilds). */
export function buildFloor(): void {
  if (fs.existsSync(path.join(floorDir, ".next", "BUILD_ID")) && !process.env.BENCH_REBUILD) return;
  console.log("building the floor app for the benchmark…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: floorDir, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("floor app build failed");
}

export function startFloor(port: number, cpus: string | null = null, nodeArgs: string[] = []): Promise<Server> {
  return spawnServer([...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: floorDir, port, cpus, readyPath: "/bare", env: { ...env, NODE_ENV: "production" } });
}
