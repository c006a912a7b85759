// Where the time of one request goes, in µs of server CPU: the built app and the floor app (bench/floor.ts)
// run under `node --cpu-prof` while their routes are loaded in alternating rounds (as in bench/api.ts, so that
// the machine's drift hits every route alike); the samples taken during each route's rounds are sorted into
// parts (bench/profile-categories.ts), scaled to the CPU time the process used then, and divided by the
// requests served. Profiling slows the server down: compare parts with each other, not with bench:api.
//   npm run bench:profile                       on SQLite; BENCH_DATABASE_URL=postgresql://… on PostgreSQL
//   BENCH_ROUNDS=8 BENCH_DURATION=2             rounds, and seconds per route in each round
//   BENCH_PROFILE_FRAMES=1                     also print each route's costliest frames
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/url";
import { generateToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { buildFloor, startFloor } from "./floor";
import { partsOf, topFrames, type CpuProfile, type Window } from "./profile-categories";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, load, machineLoad, processCpuMs, root, splitCpus, startServer, type Server } from "./support";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_DURATION ?? 2);
const profileDir = path.join(root, "data", "profiles");
// 100 µs between samples: a request is about a millisecond of CPU.
const nodeArgs = ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-interval", "100"];

type Target = { label: string; server: Server; path: string; headers?: Record<string, string>; windows: Window[]; requests: number; cpuMs: number };

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

async function run(target: Target, seconds: number): Promise<void> {
  const cpuBefore = processCpuMs(target.server.process.pid);
  const from = nowMicros();
  const result = await load(`${target.server.url}${target.path}`, target.headers, { duration: seconds });
  target.windows.push([from, nowMicros()]);
  target.requests += result.requests;
  target.cpuMs += (processCpuMs(target.server.process.pid) ?? 0) - (cpuBefore ?? 0);
}

/** The profile the server wrote when it stopped. */
function profileOf(server: Server): CpuProfile {
  const file = fs.readdirSync(profileDir).find((name) => name.includes(`.${server.process.pid}.`));
  if (!file) throw new Error(`no CPU profile written by process ${server.process.pid}`);
  return JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
}

function report(profile: CpuProfile, target: Target): void {
  const parts = [...partsOf(profile, target.windows)].sort((a, b) => b[1] - a[1]);
  const sampled = parts.reduce((sum, [, micros]) => sum + micros, 0);
  // The sampler ticks in wall time, and on a busy machine the server is not always on its CPU between two
  // samples: the parts are scaled to the CPU time the process really used in its windows (/proc).
  const scale = target.cpuMs > 0 ? (target.cpuMs * 1000) / sampled : 1;
  const per = (micros: number) => ((micros * scale) / target.requests).toFixed(0);
  console.log(`\n${target.label}: ${target.requests} requests, ${per(sampled)} µs of server CPU each`);
  console.log(`| part | µs per request |\n|---|---|`);
  for (const [part, micros] of parts) console.log(`| ${part} | ${per(micros)} |`);
  if (process.env.BENCH_PROFILE_FRAMES) for (const [frame, micros] of topFrames(profile, target.windows)) console.log(`  ${per(micros).padStart(5)} µs  ${frame}`);
}

async function main() {
  buildOnce();
  buildFloor();
  fs.rmSync(profileDir, { recursive: true, force: true });
  fs.mkdirSync(profileDir, { recursive: true });
  const url = benchDatabaseUrl("profile");
  await prepareDatabase(url);
  const db = createDb(url);
  const servers: Server[] = [];
  try {
    const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
    const { tokenId, secret, token } = generateToken();
    await db.apiToken.create({ data: { id: tokenId, userId: analyst.id, name: "bench", nameSearch: "bench", secretHash: hashSecret(secret) } });
    const cpus = splitCpus();
    const app = await startServer(3960, url, { cpus: cpus?.app, nodeArgs });
    servers.push(app);
    const floor = await startFloor(3961, cpus?.app, nodeArgs);
    servers.push(floor);
    const target = (label: string, server: Server, path: string, headers?: Record<string, string>): Target => ({ label, server, path, headers, windows: [], requests: 0, cpuMs: 0 });
    const targets = [
      target("GET /api/v1/me (token)", app, "/api/v1/me", { Authorization: `Bearer ${token}` }),
      target("GET /api/v1 (public)", app, "/api/v1"),
      target("floor: GET /bare", floor, "/bare"),
      target("floor: GET /mw (empty middleware)", floor, "/mw"),
    ];
    for (const each of targets) await load(`${each.server.url}${each.path}`, each.headers, { duration: 3 });
    for (let round = 0; round < ROUNDS; round++) for (const each of round % 2 ? [...targets].reverse() : targets) await run(each, SECONDS);
    // The profiles are written when the servers exit.
    for (const server of servers.splice(0)) await server.stop();
    const profiles = new Map([app, floor].map((server) => [server, profileOf(server)]));
    console.log(`\nCPU profile on ${providerOf(url)}, ${ROUNDS} alternating rounds of ${SECONDS}s per route, 16 connections, samples every 100 µs, ${new Date().toISOString()}, ${machineLoad()}`);
    for (const each of targets) report(profiles.get(each.server)!, each);
  } finally {
    for (const server of servers) await server.stop();
    await db.$disconnect();
    await dropBenchDatabase(url);
  }
}

await main();
