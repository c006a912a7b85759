// Token page benchmark: the server's response time for the admin token page of a user who owns 10,000
// tokens (in a table of 110,000), signed in through the credentials flow: the first page, the next page,
// a name filter matching one token in ten, and one matching a single token (the database reads all the
// owner's rows for it). One connection, so p50 is the response time itself and not time spent queueing;
// the target is p50 under 100 ms on PostgreSQL.
//   npm run bench:token-page                                   SQLite
//   BENCH_DURATION=20  seconds per target (default 10), split over BENCH_ROUNDS rounds (default 4)
//   BENCH_DATABASE_URL=postgresql://… npm run bench:token-page  PostgreSQL (a schema of its own, dropped after)
import { createDb } from "../lib/db/connect";
import { prepareDatabase } from "../lib/db/prepare";
import { providerOf } from "../lib/db/url";
import { fillerName, fillerTokenId, fillerWriter, type FillerToken } from "./filler";
import { signIn } from "./session";
import { benchDatabaseUrl, buildOnce, dropBenchDatabase, load, machineLoad, mean, row, seconds, startServer, type LoadResult } from "./support";

const PORT = 3920;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const OWNED = 10_000;
const OTHER_USERS = 1_000;
const PER_OTHER_USER = 100;
const PAGE = "/admin/settings/api-tokens";
const OWNER = { email: "analyst@example.com", password: "analyst1234" };
// TOKEN_PAGE_SIZE of lib/tokens/store.ts (a server-only module, which a script cannot import).
const TOKEN_PAGE_SIZE = 25;

function tokensOf(userId: string, count: number, now: number): FillerToken[] {
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(now - (count - i) * 60_000);
    return { id: fillerTokenId(), userId, name: fillerName(i), createdAt, lastUsedAt: i % 2 ? createdAt : null };
  });
}

async function main() {
  buildOnce();
  const url = benchDatabaseUrl("token_page");
  try {
    await prepareDatabase(url);
    const db = createDb(url);
    const owner = await db.user.findUniqueOrThrow({ where: { email: OWNER.email } });
    await db.$disconnect();

    const writer = fillerWriter(url);
    const now = Date.now();
    const started = Date.now();
    await writer.tokens(tokensOf(owner.id, OWNED, now));
    const others = Array.from({ length: OTHER_USERS }, (_, i) => `filler-user-${String(i).padStart(5, "0")}`);
    await writer.users(others);
    for (const userId of others) await writer.tokens(tokensOf(userId, PER_OTHER_USER, now));
    await writer.analyze();
    await writer.close();
    const insertMs = Date.now() - started;

    const server = await startServer(PORT, url);
    try {
      const headers = { Cookie: await signIn(server.url, OWNER.email, OWNER.password) };
      const first = await fetch(`${server.url}${PAGE}`, { headers, redirect: "manual" });
      const html = await first.text();
      // Measure the real page: signed in, listing the owner's newest token, with a link to the next page.
      if (first.status !== 200 || !html.includes(fillerName(OWNED - 1))) throw new Error(`the token page did not list the owner's tokens (${first.status})`);
      const cursor = /[?&;]cursor=([0-9]+\.[0-9A-Za-z]{12})/.exec(html)?.[1];
      if (!cursor) throw new Error("the token page has no next-page link");
      const rare = fillerName(4242).split(" ").slice(1).join(" ");
      // Each target with a token name its page must show, so that every figure is of a real, full answer.
      const targets: [string, string, string][] = [
        ["first page", PAGE, fillerName(OWNED - 1)],
        ["next page (keyset cursor)", `${PAGE}?cursor=${cursor}`, fillerName(OWNED - 1 - TOKEN_PAGE_SIZE)],
        ["filtered ?q=deploy (1 in 10 match)", `${PAGE}?q=deploy`, fillerName(OWNED - 10)],
        [`filtered ?q=${rare} (1 match)`, `${PAGE}?q=${encodeURIComponent(rare)}`, fillerName(4242)],
      ];
      for (const [label, path, expected] of targets) {
        const page = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
        if (page.status !== 200 || !(await page.text()).includes(`>${expected}<`)) throw new Error(`${label}: the page does not show "${expected}" (${page.status})`);
      }
      for (const [, path] of targets) await load(`${server.url}${path}`, headers, { connections: 1, duration: 2 });
      // In alternating rounds, so that a burst of the shared machine's load does not land on one target only.
      const runs: LoadResult[][] = targets.map(() => []);
      const loads: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, [, path]] of targets.entries()) runs[i].push(await load(`${server.url}${path}`, headers, { connections: 1, duration: DURATION / ROUNDS }));
        loads.push(machineLoad());
      }
      const results = targets.map(([label], i) => ({ label, result: mean(runs[i]) }));

      console.log(`\nToken page benchmark on ${providerOf(url)}: a user owning ${OWNED.toLocaleString("en")} tokens, ${(OWNED + OTHER_USERS * PER_OTHER_USER).toLocaleString("en")} in the table (inserted in ${seconds(insertMs)}), 1 connection, ${DURATION}s each in ${ROUNDS} alternating rounds (figures are the rounds' mean), ${new Date().toISOString()}`);
      console.log(`| GET ${PAGE} | requests/s | p50 ms | p99 ms | non-2xx |`);
      console.log(`|---|---|---|---|---|`);
      for (const { label, result } of results) console.log(row(label, result));
      console.log(`rounds measured at: ${loads.join("; ")}`);
      const worst = Math.max(...results.map(({ result }) => result.p50));
      console.log(`\nslowest p50: ${worst.toFixed(1)} ms (target < 100 ms on PostgreSQL: ${worst < 100 ? "met" : "NOT met"})`);
    } finally {
      await server.stop();
    }
  } finally {
    if (!process.env.BENCH_KEEP_DATABASE) await dropBenchDatabase(url);
  }
}

await main();
