// Scale benchmark: authenticated GET /api/v1/me against a database holding 1,000 tokens and one holding
// 1,000,000 tokens over 10,000 users; the second must stay within 10% of the first (the lookup is by
// primary key, so the table's size should not show). Both databases are served at once by a server each,
// and measured in alternating rounds, so that the machine's own drift (it is shared) falls on both alike.
// GET /api/health (no database) is measured beside each as a control. Also prints the insertion times.
//   npm run bench:scale                                   SQLite (two files under data/)
//   BENCH_DATABASE_URL=postgresql://… npm run bench:scale  PostgreSQL (two schemas, dropped after)
//   BENCH_DURATION=20  seconds per route and database (default 10), split over BENCH_ROUNDS rounds (default 4)
import { createDb } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/url";
import { generateToken, type GeneratedToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { fillerName, fillerTokenId, fillerWriter, type FillerToken } from "./filler";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, load, machineLoad, mean, row, seconds, startServer, type LoadResult, type Server } from "./support";

const PORTS = [3910, 3911];
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const USERS = 10_000;
const SIZES = [1_000, 1_000_000];
const CHUNK = 50_000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function fillerTokens(from: number, to: number, userIds: string[], now: number): FillerToken[] {
  const rows: FillerToken[] = [];
  for (let i = from; i < to; i++) {
    const createdAt = new Date(now - ((i * 7919) % YEAR_MS));
    rows.push({ id: fillerTokenId(), userId: userIds[i % userIds.length], name: fillerName(i), createdAt, lastUsedAt: i % 3 ? createdAt : null });
  }
  return rows;
}

type Filled = { url: string; tokens: number; usersMs: number; tokensMs: number; analyzeMs: number };

/** A database with the demo data, the benchmark's token, 10,000 filler users and `tokens` tokens in all. */
async function fill(url: string, tokens: number, bench: GeneratedToken): Promise<Filled> {
  await prepareDatabase(url);
  const db = createDb(url);
  const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
  await db.apiToken.create({ data: { id: bench.tokenId, userId: analyst.id, name: "bench", nameSearch: "bench", secretHash: hashSecret(bench.secret) } });
  await db.$disconnect();

  const writer = fillerWriter(url);
  const userIds = Array.from({ length: USERS }, (_, i) => `filler-user-${String(i).padStart(5, "0")}`);
  const now = Date.now();
  let started = Date.now();
  await writer.users(userIds);
  const usersMs = Date.now() - started;
  started = Date.now();
  // 100 per filler user in the large database; the benchmark's own token is the last of `tokens`.
  for (let from = 1; from < tokens; from += CHUNK) await writer.tokens(fillerTokens(from, Math.min(from + CHUNK, tokens), userIds, now));
  const tokensMs = Date.now() - started;
  started = Date.now();
  await writer.analyze();
  const analyzeMs = Date.now() - started;
  await writer.close();
  return { url, tokens, usersMs, tokensMs, analyzeMs };
}

async function main() {
  buildOnce();
  const bench = generateToken();
  const auth = { Authorization: `Bearer ${bench.token}` };
  const urls = SIZES.map((size) => benchDatabaseUrl(`scale_${size}`));
  const databases: Filled[] = [];
  const servers: Server[] = [];
  try {
    for (const [i, size] of SIZES.entries()) databases.push(await fill(urls[i], size, bench));
    for (const [i, database] of databases.entries()) servers.push(await startServer(PORTS[i], database.url));
    for (const server of servers) {
      await load(`${server.url}/api/health`, {}, { duration: 2 });
      await load(`${server.url}/api/v1/me`, auth, { duration: 3 });
    }
    const me: LoadResult[][] = servers.map(() => []);
    const health: LoadResult[][] = servers.map(() => []);
    const loads: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order too, so that neither database is always measured first in a round.
      const order = round % 2 ? [...servers.keys()].reverse() : [...servers.keys()];
      for (const i of order) {
        me[i].push(await load(`${servers[i].url}/api/v1/me`, auth, { duration: DURATION / ROUNDS }));
        health[i].push(await load(`${servers[i].url}/api/health`, {}, { duration: DURATION / ROUNDS }));
      }
      loads.push(machineLoad());
    }

    const provider = providerOf(databases[0].url);
    const [small, large] = me.map(mean);
    const [smallControl, largeControl] = health.map(mean);
    console.log(`\nScale benchmark on ${provider}, ${DURATION}s per route and database in ${ROUNDS} alternating rounds, 16 connections, ${new Date().toISOString()}`);
    for (const d of databases) {
      console.log(
        `${d.tokens.toLocaleString("en")} tokens: inserted ${USERS.toLocaleString("en")} users in ${seconds(d.usersMs)}, ${(d.tokens - 1).toLocaleString("en")} tokens in ${seconds(d.tokensMs)} (${Math.round((d.tokens - 1) / Math.max(d.tokensMs / 1000, 0.001)).toLocaleString("en")} rows/s), then ${provider === "postgresql" ? "VACUUM (ANALYZE)" : "ANALYZE"} in ${seconds(d.analyzeMs)}`,
      );
    }
    console.log(`| tokens in the database | route | requests/s | p50 ms | p99 ms | non-2xx |`);
    console.log(`|---|---|---|---|---|---|`);
    for (const [i, d] of databases.entries()) {
      console.log(`| ${d.tokens.toLocaleString("en")} |${row("GET /api/v1/me (token)", mean(me[i])).slice(1)}`);
      console.log(`| ${d.tokens.toLocaleString("en")} |${row("GET /api/health (control, no database)", mean(health[i])).slice(1)}`);
    }
    console.log(`rounds measured at: ${loads.join("; ")}`);
    const ratio = large.requestsPerSecond / small.requestsPerSecond;
    console.log(`\nGET /api/v1/me requests/s with 1,000,000 tokens / with 1,000: ${ratio.toFixed(2)} (target ≥ 0.90: ${ratio >= 0.9 ? "met" : "NOT met"})`);
    const control = largeControl.requestsPerSecond / smallControl.requestsPerSecond;
    console.log(`the same ratio for the control route: ${control.toFixed(2)} (1.00 when the two servers got the machine alike)`);
    console.log(`the first ratio divided by the control's: ${(ratio / control).toFixed(2)} (the ratio with the drift between the two servers taken out)`);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    if (!process.env.BENCH_KEEP_DATABASE) for (const url of urls) await dropBenchDatabase(url);
  }
}

await main();
