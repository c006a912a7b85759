// Compares another commit with this checkout: both builds are served at once on the same machine, on SQLite
// databases of their own, and measured in alternating rounds, so that background noise hits both alike.
// Four targets, each printed per build with how it changed:
//   - GET /api/v1 (public) and GET /api/v1/me (token), and the ratio of the two (the same server and route
//     wrappers; only the token differs);
//   - the analyst's token page, signed in through next-auth's credentials flow: every response must be the
//     page itself, not a redirect to the sign-in form;
//   - generating a token through that page's server action, sent as the browser sends it (bench/server-action.ts):
//     every response must carry a new token. The tokens made are deleted after each run, so every round
//     starts alike.
// Only successes count as served; failed responses are counted and printed. Each run starts once the instance
// has finished what the previous one left in flight.
//   BENCH_BASE_REF=<commit> npm run bench:compare      BENCH_ROUNDS (default 10), BENCH_DURATION (s, default 2)
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { generateToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { actionId, actionRequest, callAction, type ActionRequest } from "./server-action";
import { signIn } from "./session";
import { BENCH_DIST, buildOnce, load, machineLoad, mean, median, medianInterval, processCpuMs, root, row, splitCpus, startServer, type LoadResult, type Server } from "./support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_DURATION ?? 2);
const DATABASE = "data/bench-compare.db";
const baseDir = path.join(root, "data", "bench-base");
const PAGE = "/admin/settings/api-tokens";
const OWNER = { email: "analyst@example.com", password: "analyst1234" };
// The name of every token the generate target makes: they are deleted by it.
const GENERATED = "bench generate";
// Generating needs the password typed within the last 15 minutes (sudo mode, in both commits). Signing in
// counts, but a long run outlives that, so the password is confirmed again, as the browser's dialog does,
// once this much time has passed.
const RECONFIRM_MS = 10 * 60_000;
// What the forms' useActionState starts from: the first argument of every action here.
const IDLE = { status: "idle" };

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

// Plain SQL here and below, so that it suits both commits' schemas: only the columns every version has.
function insertToken(dir: string): string {
  const { tokenId, secret, token } = generateToken();
  const database = new Database(path.join(dir, DATABASE));
  const owner = database.prepare(`SELECT "id" FROM "User" WHERE "email" = ?`).get(OWNER.email) as { id: string };
  database
    .prepare(`INSERT INTO "ApiToken" ("id", "userId", "name", "nameSearch", "secretHash") VALUES (?, ?, 'bench', 'bench', ?)`)
    .run(tokenId, owner.id, hashSecret(secret));
  database.close();
  return token;
}

/**
 * Deletes the tokens the generate target made, so that the next run finds the page as the first did. Their
 * events and usage rows go with them (ON DELETE CASCADE); the notice outbox, which newer commits fill on
 * every generation, has no foreign key to the token and is emptied of theirs here.
 */
function deleteGenerated(dir: string): void {
  const database = new Database(path.join(dir, DATABASE));
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const hasOutbox = database.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Notice'`).get() !== undefined;
  database.transaction(() => {
    if (hasOutbox) database.prepare(`DELETE FROM "Notice" WHERE "tokenId" IN (SELECT "id" FROM "ApiToken" WHERE "name" = ?)`).run(GENERATED);
    database.prepare(`DELETE FROM "ApiToken" WHERE "name" = ?`).run(GENERATED);
  })();
  database.close();
}

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

type Side = {
  label: string;
  dir: string;
  server: Server;
  /** For GET /api/v1/me. */
  token: string;
  /** The analyst's session cookie, for the page and the actions. */
  cookie: string;
  generate: ActionRequest;
  confirm: ActionRequest;
  confirmedAt: number;
  runs: LoadResult[][];
};

/** Signs the analyst in on a started server and prepares that build's own action requests. */
async function prepareSide(label: string, dir: string, server: Server): Promise<Side> {
  const cookie = await signIn(server.url, OWNER.email, OWNER.password);
  // The generate form's fields: a name and one of the offered lifetimes (the default, 30 days).
  const generateId = actionId(dir, "lib/actions/tokens.ts", "generateTokenAction", PAGE);
  const generate = await actionRequest(server.url, generateId, [IDLE, formData({ name: GENERATED, expiry: "30" })], cookie);
  const confirmId = actionId(dir, "lib/actions/session.ts", "confirmPasswordAction", PAGE);
  const confirm = await actionRequest(server.url, confirmId, [IDLE, formData({ password: OWNER.password })], cookie);
  return { label, dir, server, token: insertToken(dir), cookie, generate, confirm, confirmedAt: 0, runs: TARGETS.map(() => []) };
}

/** Confirms the password (sudo mode) before the first generation and again before the window could close. */
async function confirmIfDue(side: Side): Promise<void> {
  if (Date.now() - side.confirmedAt < RECONFIRM_MS) return;
  const { status, text } = await callAction(`${side.server.url}${PAGE}`, side.confirm);
  if (status !== 200 || !text.includes(`{"status":"success"`)) throw new Error(`${side.label}: confirming the password failed (${status})`);
  side.confirmedAt = Date.now();
}

// Every 2xx answer of the API routes is a success.
const anyBody = () => true;
// A session that lapsed would be sent to the sign-in form (a redirect, non-2xx); the body must be the page.
const isTokenPage = (body: string) => body.includes("<h1>API Tokens</h1>");
// An action answers 200 whether it did its work or refused (sudo needed, bad input, a database error): only
// a generation that worked hands back a new token's plaintext.
const carriesNewToken = (body: string) => body.includes(`"created":{"token":"pat_`);

async function measureGenerate(side: Side, duration: number): Promise<LoadResult> {
  await confirmIfDue(side);
  const { headers, body } = side.generate;
  return load(`${side.server.url}${PAGE}`, headers, { duration, post: { body }, expect: carriesNewToken });
}

type Target = {
  label: string;
  measure: (side: Side, duration: number) => Promise<LoadResult>;
  /** Puts the database back as it was before the run. */
  cleanUp?: (dir: string) => void;
};

const TARGETS: Target[] = [
  { label: "GET /api/v1", measure: (side, duration) => load(`${side.server.url}/api/v1`, {}, { duration, expect: anyBody }) },
  {
    label: "GET /api/v1/me",
    measure: (side, duration) => load(`${side.server.url}/api/v1/me`, { Authorization: `Bearer ${side.token}` }, { duration, expect: anyBody }),
  },
  { label: `GET ${PAGE} (signed in)`, measure: (side, duration) => load(`${side.server.url}${PAGE}`, { Cookie: side.cookie }, { duration, expect: isTokenPage }) },
  { label: `POST ${PAGE} (generate action)`, measure: measureGenerate, cleanUp: deleteGenerated },
];
const [INDEX, ME] = [0, 1];

/** Waits (up to 5 s) until the instance's CPU time stops growing: under one clock tick in 100 ms. */
async function settle(server: Server): Promise<void> {
  let before = processCpuMs(server.process.pid);
  for (let i = 0; i < 50 && before !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = processCpuMs(server.process.pid);
    if (now === null || now - before <= 10) return;
    before = now;
  }
}

// autocannon stops without waiting for the answers still in flight, and the instance goes on to finish them
// (each generation in flight still makes its token, and takes a share of the CPU both instances run on).
// So the next run starts, and the clean-up runs, only once the instance is quiet again.
async function measure(side: Side, target: Target, duration: number): Promise<LoadResult> {
  const result = await target.measure(side, duration);
  await settle(side.server);
  target.cleanUp?.(side.dir);
  return result;
}

function percent(now: number, before: number): string {
  return `${((now / before - 1) * 100).toFixed(1)}%`;
}

function report(ref: string, sides: Side[], cpus: ReturnType<typeof splitCpus>): void {
  console.log(
    `\nComparison on sqlite, ${ROUNDS} alternating rounds of ${SECONDS}s per target, 16 connections, ${cpus ? `instances on CPU ${cpus.app}, load generator on CPU ${cpus.client}` : "all CPUs shared"}, ${machineLoad()}`,
  );
  console.log(`| build | target | requests/s (successes) | p50 ms | p99 ms | non-2xx | failed |`);
  console.log(`|---|---|---|---|---|---|---|`);
  const means = sides.map((side) => side.runs.map(mean));
  sides.forEach((side, s) => TARGETS.forEach((target, t) => console.log(`${row(`${side.label} | ${target.label}`, means[s][t])} ${means[s][t].failed} |`)));

  // As in bench/api.ts: the median of the rounds' ratios, each of two routes measured seconds apart.
  const [base, current] = sides.map((side) => {
    const rounds = side.runs[ME].map((run, round) => run.requestsPerSecond / side.runs[INDEX][round].requestsPerSecond);
    return { ratio: median(rounds), interval: medianInterval(rounds).map((bound) => bound.toFixed(2)).join("–") };
  });
  console.log(`\nauthenticated/public ratio (median of the rounds, 95% interval): ${base.ratio.toFixed(2)} (${base.interval}) at ${ref}, ${current.ratio.toFixed(2)} (${current.interval}) now (${percent(current.ratio, base.ratio)})`);
  TARGETS.forEach((target, t) => console.log(`${target.label} throughput now vs ${ref}: ${percent(means[1][t].requestsPerSecond, means[0][t].requestsPerSecond)}`));

  const failed = means.flat().reduce((sum, result) => sum + result.failed, 0);
  if (failed) console.log(`\nWARNING: ${failed} responses failed (see the table); they are left out of requests/s.`);
}

async function main() {
  const ref = process.env.BENCH_BASE_REF;
  if (!ref) throw new Error("Set BENCH_BASE_REF to the commit to compare with, e.g. BENCH_BASE_REF=HEAD~3");
  prepareBase(ref);
  buildOnce();
  const servers: Server[] = [];
  const sides: Side[] = [];
  // As in bench/api.ts: both instances on the first CPU, the load generator on the others.
  const cpus = splitCpus();
  try {
    for (const [label, dir, port] of [[ref, baseDir, 3931], ["this checkout", root, 3932]] as const) {
      const server = await startServer(port, freshDatabase(dir), { dir, cpus: cpus?.app });
      servers.push(server);
      sides.push(await prepareSide(label, dir, server));
    }
    for (const side of sides) for (const target of TARGETS) await measure(side, target, 2);
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        for (const [t, target] of TARGETS.entries()) side.runs[t].push(await measure(side, target, SECONDS));
      }
    }
    report(ref, sides, cpus);
  } finally {
    for (const server of servers) await server.stop();
    execFileSync("git", ["worktree", "remove", "--force", baseDir], { cwd: root });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
