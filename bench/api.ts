// API benchmark: authenticated GET /api/v1/me next to unauthenticated routes of about the same size:
// GET /api/v1 (public, through the same middleware, so the difference is the cost of authentication)
// and GET /api/health (outside the middleware); and the last-used writes per 1,000 requests of one token.
//   npm run bench:api                          on a fresh SQLite database
//   BENCH_DATABASE_URL=postgresql://… npm run bench:api   on PostgreSQL (a schema of its own)
import autocannon from "autocannon";
import { createDb } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/url";
import { generateToken } from "../lib/tokens/format";
import { hashSecret } from "../lib/tokens/hash";
import { countStamps, installStampCounter } from "./stamp-counter";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, load, machineLoad, mean, row, startServer, type LoadResult } from "./support";

const PORT = 3900;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

async function main() {
  buildOnce();
  const url = benchDatabaseUrl("api");
  await prepareDatabase(url);
  const db = createDb(url);
  const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
  const { tokenId, secret, token } = generateToken();
  await db.apiToken.create({ data: { id: tokenId, userId: analyst.id, name: "bench", nameSearch: "bench", secretHash: hashSecret(secret) } });
  await installStampCounter(db, url);

  const server = await startServer(PORT, url);
  try {
    const auth = { Authorization: `Bearer ${token}` };
    const me = `${server.url}/api/v1/me`;
    const index = `${server.url}/api/v1`;
    const health = `${server.url}/api/health`;
    for (const target of [health, index]) await load(target, {}, { duration: 2 });
    await load(me, auth, { duration: 2 });

    // Alternate the routes so that none profits from the machine's warm-up or background noise.
    const outside: LoadResult[] = [];
    const unauthenticated: LoadResult[] = [];
    const authenticated: LoadResult[] = [];
    for (let round = 0; round < 2; round++) {
      outside.push(await load(health, {}, { duration: DURATION / 2 }));
      unauthenticated.push(await load(index, {}, { duration: DURATION / 2 }));
      authenticated.push(await load(me, auth, { duration: DURATION / 2 }));
    }
    const unauth = mean(unauthenticated);
    const noMiddleware = mean(outside);
    const authd = mean(authenticated);

    // Writes: exactly 1,000 requests of one token with the stamp fresh-reset, counted by a trigger.
    await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: null } });
    await db.$executeRawUnsafe(`DELETE FROM bench_stamps`);
    await autocannon({ url: me, headers: auth, connections: 16, amount: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const writes = await countStamps(db);

    const ratio = authd.requestsPerSecond / unauth.requestsPerSecond;
    console.log(`\nAPI benchmark on ${providerOf(url)}, ${DURATION}s per route, 16 connections, ${new Date().toISOString()}, ${machineLoad()}`);
    console.log(`| route | requests/s | p50 ms | p99 ms | non-2xx |`);
    console.log(`|---|---|---|---|---|`);
    console.log(row(`GET /api/health (no token, no middleware, ${noMiddleware.bytesPerResponse} B)`, noMiddleware));
    console.log(row(`GET /api/v1 (no token, ${unauth.bytesPerResponse} B)`, unauth));
    console.log(row(`GET /api/v1/me (token, ${authd.bytesPerResponse} B)`, authd));
    console.log(`\nauthenticated GET /api/v1/me / unauthenticated GET /api/v1 throughput: ${ratio.toFixed(2)} (target ≥ 0.85: ${ratio >= 0.85 ? "met" : "NOT met"})`);
    console.log(`authenticated GET /api/v1/me / GET /api/health (no middleware): ${(authd.requestsPerSecond / noMiddleware.requestsPerSecond).toFixed(2)}`);
    console.log(`last-used writes per 1,000 requests of one token: ${writes} (target ≤ 1 per token per minute: ${writes <= 1 ? "met" : "NOT met"})`);
  } finally {
    await server.stop();
    await db.$disconnect();
    await dropBenchDatabase(url);
  }
}

await main();
