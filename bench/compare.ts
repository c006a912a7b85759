// Compares the API's cost at another commit with this checkout's: both builds are served at once on the
// same machine, on SQLite databases of their own, and measured in alternating rounds, so that background
// noise hits both alike. For each it prints GET /api/v1/me (token) next to GET /api/v1 (public, same
// middleware), and how the authenticated route changed.
//   BENCH_BASE_REF=<commit> npm run bench:compare
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { generateToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { BENCH_DIST, buildOnce, load, machineLoad, mean, median, medianInterval, root, row, splitCpus, startServer, type LoadResult, type Server } from "./support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_DURATION ?? 2);
const DATABASE = "data/bench-compare.db";
const baseDir = path.join(root, "data", "bench-base");

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/** The other commit, checked out beside this one, with this checkout's packages (hard links) and its own build. */
function prepareBase(ref: string): void {
  if (fs.existsSync(baseDir)) execFileSync("git", ["worktree", "remove", "--force", baseDir], { cwd: root });
  execFileSync("git", ["worktree", "add", "--detach", baseDir, ref], { cwd: root, stdio: "ignore" });
  // Copied as hard links, not linked: the bundler resolves packages inside the project's own folder.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(baseDir, "node_modules")]);
  run(process.execPath, ["scripts/generate-client.mjs"], baseDir);
  console.log(`building ${ref} for the comparison…`);
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], baseDir);
}

function freshDatabase(dir: string): string {
  fs.mkdirSync(path.join(dir, "data"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(dir, DATABASE + suffix), { force: true });
  return `file:./${DATABASE}`;
}

// Plain SQL, so that it suits both commits' schemas: only the columns every version has.
function insertToken(dir: string): string {
  const { tokenId, secret, token } = generateToken();
  const database = new Database(path.join(dir, DATABASE));
  const owner = database.prepare(`SELECT "id" FROM "User" WHERE "email" = 'analyst@example.com'`).get() as { id: string };
  database
    .prepare(`INSERT INTO "ApiToken" ("id", "userId", "name", "nameSearch", "secretHash") VALUES (?, ?, 'bench', 'bench', ?)`)
    .run(tokenId, owner.id, hashSecret(secret));
  database.close();
  return token;
}

type Side = { label: string; server: Server; token: string; me: LoadResult[]; index: LoadResult[] };

async function main() {
  const ref = process.env.BENCH_BASE_REF;
  if (!ref) throw new Error("Set BENCH_BASE_REF to the commit to compare with, e.g. BENCH_BASE_REF=HEAD~3");
  prepareBase(ref);
  buildOnce();
  const sides: Side[] = [];
  // As in bench/api.ts: both instances on the first CPU, the load generator on the others.
  const cpus = splitCpus();
  try {
    for (const [label, dir, port] of [[ref, baseDir, 3931], ["this checkout", root, 3932]] as const) {
      const server = await startServer(port, freshDatabase(dir), { dir, cpus: cpus?.app });
      sides.push({ label, server, token: insertToken(dir), me: [], index: [] });
    }
    for (const side of sides) {
      await load(`${side.server.url}/api/v1`, {}, { duration: 2 });
      await load(`${side.server.url}/api/v1/me`, { Authorization: `Bearer ${side.token}` }, { duration: 2 });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        side.index.push(await load(`${side.server.url}/api/v1`, {}, { duration: SECONDS }));
        side.me.push(await load(`${side.server.url}/api/v1/me`, { Authorization: `Bearer ${side.token}` }, { duration: SECONDS }));
      }
    }
    console.log(`\nAPI comparison on sqlite, ${ROUNDS} alternating rounds of ${SECONDS}s per route, 16 connections, ${cpus ? `instances on CPU ${cpus.app}, load generator on CPU ${cpus.client}` : "all CPUs shared"}, ${machineLoad()}`);
    console.log(`| build | route | requests/s | p50 ms | p99 ms | non-2xx |`);
    console.log(`|---|---|---|---|---|---|`);
    const ratios = sides.map((side) => {
      const me = mean(side.me);
      const index = mean(side.index);
      console.log(row(`${side.label} | GET /api/v1`, index));
      console.log(row(`${side.label} | GET /api/v1/me`, me));
      // As in bench/api.ts: the median of the rounds' ratios, each of two routes measured seconds apart.
      const rounds = side.me.map((run, round) => run.requestsPerSecond / side.index[round].requestsPerSecond);
      return { me: me.requestsPerSecond, ratio: median(rounds), interval: medianInterval(rounds).map((bound) => bound.toFixed(2)).join("–") };
    });
    const [base, current] = ratios;
    console.log(`\nauthenticated/public ratio (median of the rounds, 95% interval): ${base.ratio.toFixed(2)} (${base.interval}) at ${ref}, ${current.ratio.toFixed(2)} (${current.interval}) now (${((current.ratio / base.ratio - 1) * 100).toFixed(1)}%)`);
    console.log(`GET /api/v1/me throughput now vs ${ref}: ${((current.me / base.me - 1) * 100).toFixed(1)}%`);
  } finally {
    for (const side of sides) await side.server.stop();
    execFileSync("git", ["worktree", "remove", "--force", baseDir], { cwd: root });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
