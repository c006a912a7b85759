// API benchmark: authenticated GET /api/v1/me next to unauthenticated routes of about the same size:
// GET /api/v1 (public, the same server and route wrappers without a token, so the difference is the cost of
// authentication) and GET /api/health (a plain route handler, no wrapper); and the last-used writes per
// 1,000 requests of one token. None passes through Next.js's middleware (middleware.ts serves pages only).
//   npm run bench:api                          on a fresh SQLite database
//   BENCH_DATABASE_URL=postgresql://… npm run bench:api   on PostgreSQL (a schema of its own)
//   BENCH_ROUNDS=40 BENCH_DURATION=1.5         rounds, and seconds per route in each round
//   BENCH_SPLIT_CPUS=0                          app and load generator share every CPU (by default the app
//                                               gets the first CPU and the load generator the others)
// Beside them, the floor (bench/floor.ts): Next.js alone, a bare route handler (GET /bare) and the same
// behind an empty middleware (GET /mw), served by `next start` on the same CPU and measured in the same
// rounds; the app's routes are printed as fractions of both, so that the app's own overhead shows apart
// from Next.js's.
// The machine's speed drifts from second to second (it is shared, and the load generator runs on it too),
// so the routes are measured in many short alternating rounds, and the ratio reported is the median of
// the rounds' ratios: each compares two routes measured seconds apart. One round's ratio can be anywhere
// from 0.6 to 1.2 here, so the median comes with its 95% interval, and the target counts as met only when
// the whole interval is above it. The server's own CPU time per request is printed beside the throughput.
import autocannon from "autocannon";
import { createDb } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/url";
import { generateToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { buildFloor, startFloor } from "./floor";
import { countStamps, installStampCounter } from "./stamp-counter";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, load, machineLoad, mean, median, medianInterval, processCpuMs, splitCpus, startServer, type LoadResult, type Server } from "./support";

const PORT = 3900;
const FLOOR_PORT = 3950;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const SECONDS = Number(process.env.BENCH_DURATION ?? 1.5);
const TARGET = 0.85;
// The app's routes as fractions of the bare route handler's throughput.
const FLOOR_TARGETS = { index: 0.58, me: 0.52 };

type Route = { label: string; url: string; pid: number | undefined; headers: Record<string, string>; runs: LoadResult[]; cpuMs: number; requests: number };

function verdict(low: number, high: number, target: number): string {
  return low >= target ? "met" : high < target ? "NOT met" : "not shown: the interval straddles it";
}

/** The median of the rounds' ratios of two routes, with its 95% interval, as printed. */
function roundRatio(of: Route, to: Route, target?: number): string {
  const ratios = of.runs.map((run, round) => run.requestsPerSecond / to.runs[round].requestsPerSecond);
  const [low, high] = medianInterval(ratios);
  const goal = target === undefined ? "" : ` (target ≥ ${target}: ${verdict(low, high, target)})`;
  return `${median(ratios).toFixed(2)}, 95% interval ${low.toFixed(2)}–${high.toFixed(2)}${goal}`;
}

async function main() {
  buildOnce();
  buildFloor();
  const url = benchDatabaseUrl("api");
  await prepareDatabase(url);
  const db = createDb(url);
  const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
  const { tokenId, secret, token } = generateToken();
  await db.apiToken.create({ data: { id: tokenId, userId: analyst.id, name: "bench", nameSearch: "bench", secretHash: hashSecret(secret) } });
  await installStampCounter(db, url);

  const cpus = splitCpus();
  const servers: Server[] = [];
  try {
    const server = await startServer(PORT, url, { cpus: cpus?.app });
    servers.push(server);
    const floor = await startFloor(FLOOR_PORT, cpus?.app);
    servers.push(floor);
    const auth = { Authorization: `Bearer ${token}` };
    const route = (label: string, origin: Server, path: string, headers: Record<string, string> = {}): Route => ({ label, url: `${origin.url}${path}`, pid: origin.process.pid, headers, runs: [], cpuMs: 0, requests: 0 });
    const health = route("GET /api/health (no token, no middleware", server, "/api/health");
    const index = route("GET /api/v1 (no token", server, "/api/v1");
    const me = route("GET /api/v1/me (token", server, "/api/v1/me", auth);
    const bare = route("floor: GET /bare (Next.js route handler alone", floor, "/bare");
    const mw = route("floor: GET /mw (the same behind an empty middleware", floor, "/mw");
    const routes = [health, index, me, bare, mw];
    for (const { url, headers } of routes) await load(url, headers, { duration: 3 });

    // Alternate the routes, and their order from round to round, so that none profits from the machine's
    // warm-up or background noise.
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of round % 2 ? [...routes].reverse() : routes) {
        const cpuBefore = processCpuMs(target.pid);
        const result = await load(target.url, target.headers, { duration: SECONDS });
        const cpuAfter = processCpuMs(target.pid);
        target.runs.push(result);
        if (cpuBefore !== null && cpuAfter !== null) target.cpuMs += cpuAfter - cpuBefore;
        target.requests += result.requests;
      }
      ratios.push(me.runs[round].requestsPerSecond / index.runs[round].requestsPerSecond);
    }

    // Writes: exactly 1,000 requests of one token with the stamp fresh-reset, counted by a trigger.
    await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: null } });
    await db.$executeRawUnsafe(`DELETE FROM bench_stamps`);
    await autocannon({ url: me.url, headers: auth, connections: 16, amount: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const writes = await countStamps(db);

    const ratio = median(ratios);
    const [low, high] = medianInterval(ratios);
    const pooled = mean(me.runs).requestsPerSecond / mean(index.runs).requestsPerSecond;
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(`\nAPI benchmark on ${providerOf(url)}, ${ROUNDS} alternating rounds of ${SECONDS}s per route, 16 connections, ${cpus ? `app on CPU ${cpus.app}, load generator on CPU ${cpus.client}` : "app and load generator on all CPUs"}, ${new Date().toISOString()}, ${machineLoad()}`);
    console.log(`| route | requests/s | p50 ms | p99 ms | server CPU ms per request | non-2xx |`);
    console.log(`|---|---|---|---|---|---|`);
    for (const target of routes) {
      const result = mean(target.runs);
      const cpu = target.requests ? (target.cpuMs / target.requests).toFixed(2) : "n/a";
      console.log(`| ${target.label}, ${result.bytesPerResponse} B) | ${result.requestsPerSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${cpu} | ${result.non2xx} |`);
    }
    console.log(`\nauthenticated GET /api/v1/me / unauthenticated GET /api/v1 throughput, median of ${ROUNDS} rounds: ${ratio.toFixed(2)}, 95% interval ${low.toFixed(2)}–${high.toFixed(2)} (target ≥ ${TARGET}: ${verdict(low, high, TARGET)})`);
    console.log(`  rounds' ratios from ${sorted[0].toFixed(2)} to ${sorted[sorted.length - 1].toFixed(2)}; all requests pooled: ${pooled.toFixed(2)}`);
    if (me.cpuMs && index.cpuMs) console.log(`  server CPU per request, public / authenticated: ${(index.cpuMs / index.requests / (me.cpuMs / me.requests)).toFixed(2)}`);
    console.log(`authenticated GET /api/v1/me / GET /api/health (no middleware): ${(mean(me.runs).requestsPerSecond / mean(health.runs).requestsPerSecond).toFixed(2)}`);
    console.log(`\nthroughput as a fraction of the floor, median of ${ROUNDS} rounds' ratios:`);
    console.log(`  GET /api/v1 / bare route: ${roundRatio(index, bare, FLOOR_TARGETS.index)}`);
    console.log(`  GET /api/v1/me / bare route: ${roundRatio(me, bare, FLOOR_TARGETS.me)}`);
    console.log(`  GET /api/v1 / route behind empty middleware: ${roundRatio(index, mw)}`);
    console.log(`  GET /api/v1/me / route behind empty middleware: ${roundRatio(me, mw)}`);
    console.log(`  floor: behind empty middleware / bare: ${roundRatio(mw, bare)}`);
    console.log(`last-used writes per 1,000 requests of one token: ${writes} (target ≤ 1 per token per minute: ${writes <= 1 ? "met" : "NOT met"})`);
  } finally {
    for (const server of servers) await server.stop();
    await db.$disconnect();
    await dropBenchDatabase(url);
  }
}

await main();
