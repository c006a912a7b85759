// Writes benchmark: last-used writes per 1,000 authenticated requests, and the SQL statements the app sends
// to the database per authenticated request, for two shapes of traffic:
//   - one token, 1,000 requests (an integration calling steadily: one stamp a minute);
//   - 1,000 tokens, one request each (every request is a first use, the worst case for writes).
// Last-used writes are counted by a trigger on ApiToken.lastUsedAt (bench/stamp-counter.ts); statements by
// wrapping the database drivers inside the server (bench/statement-counter.cjs), so both databases are
// counted the same way without pg_stat_statements. Each shape runs on a fresh server that is stopped
// gracefully before the count is read, so stamps and usage counts still buffered in memory are included.
//   npm run bench:writes                                   SQLite
//   BENCH_DATABASE_URL=postgresql://… npm run bench:writes  PostgreSQL (a schema of its own, dropped after)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDb, type Db } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf, type Provider } from "../lib/db/url";
import { generateToken } from "../lib/tokens/server/format";
import { hashSecret } from "../lib/tokens/server/hash";
import { countStamps, installStampCounter } from "./stamp-counter";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, machineLoad, root, startServer, type Server } from "./support";

const PORT = 3930;
const REQUESTS = 1000;
const COUNTER = path.join(root, "bench", "statement-counter.cjs");

async function createTokens(db: Db, userId: string, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => generateToken());
  await db.apiToken.createMany({
    data: tokens.map(({ tokenId, secret }, i) => ({ id: tokenId, userId, name: `writes ${i}`, nameSearch: `writes ${i}`, secretHash: hashSecret(secret) })),
  });
  return tokens.map(({ token }) => token);
}

function readCount(file: string, provider: Provider): number {
  return (JSON.parse(fs.readFileSync(file, "utf8")) as Record<Provider, number>)[provider];
}

/** Asks the running server for its count (SIGUSR2) and waits for the file to be rewritten. */
async function askCount(file: string, provider: Provider, server: Server): Promise<number> {
  server.process.kill("SIGUSR2");
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return readCount(file, provider);
}

type Shape = { label: string; requests: number; stamps: number; statements: number; load: string };

async function run(url: string, db: Db, label: string, traffic: (baseUrl: string) => Promise<void>): Promise<Shape> {
  const provider = providerOf(url);
  const file = path.join(os.tmpdir(), `bench-statements-${process.pid}-${Date.now()}.json`);
  const server = await startServer(PORT, url, { env: { BENCH_STATEMENT_COUNT_FILE: file }, nodeArgs: ["--require", COUNTER] });
  try {
    await db.$executeRawUnsafe(`DELETE FROM bench_stamps`);
    const before = await askCount(file, provider, server);
    await traffic(server.url);
    // A graceful stop flushes buffered stamps and usage counts; the counter writes its total at exit.
    await server.stop();
    const after = readCount(file, provider);
    return { label, requests: REQUESTS, stamps: await countStamps(db), statements: after - before, load: machineLoad() };
  } finally {
    if (server.process.exitCode === null && server.process.signalCode === null) await server.stop();
    fs.rmSync(file, { force: true });
  }
}

async function main() {
  buildOnce();
  const url = benchDatabaseUrl("writes");
  try {
    await prepareDatabase(url);
    const db = createDb(url);
    const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
    const [steady] = await createTokens(db, analyst.id, 1);
    const firstUses = await createTokens(db, analyst.id, REQUESTS);
    await installStampCounter(db, url);

    const shapes: Shape[] = [];
    shapes.push(
      await run(url, db, "one token, 1,000 requests", async (baseUrl) => {
        const result = await autocannon({ url: `${baseUrl}/api/v1/me`, headers: { Authorization: `Bearer ${steady}` }, connections: 16, amount: REQUESTS });
        if (result.non2xx) throw new Error(`${result.non2xx} requests failed`);
      }),
    );
    shapes.push(
      await run(url, db, "1,000 tokens, one request each (first use)", async (baseUrl) => {
        for (let i = 0; i < firstUses.length; i += 16) {
          const statuses = await Promise.all(
            firstUses.slice(i, i + 16).map(async (token) => (await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status),
          );
          if (statuses.some((status) => status !== 200)) throw new Error(`a request failed: ${statuses.join(",")}`);
        }
      }),
    );
    await db.$disconnect();

    console.log(`\nWrites benchmark on ${providerOf(url)}, GET /api/v1/me, ${new Date().toISOString()}`);
    console.log(`| traffic | last-used writes per 1,000 requests | SQL statements per request |`);
    console.log(`|---|---|---|`);
    for (const shape of shapes) console.log(`| ${shape.label} | ${shape.stamps} | ${(shape.statements / shape.requests).toFixed(2)} |`);
    for (const shape of shapes) console.log(`${shape.label}: measured at ${shape.load}`);
  } finally {
    if (!process.env.BENCH_KEEP_DATABASE) await dropBenchDatabase(url);
  }
}

await main();
