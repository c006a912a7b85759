// Every token query is served by an index: the token list (first page and keyset next page), the name
// filter, every status filter, the reported-token notice, revocation, regeneration, the details view,
// reported credentials, the API's token lookup and the last-used stamp are run through the app's own modules against a scratch database, the exact SQL they send
// is captured (tests/unit/support/captured-queries.ts), and its plan must not scan ApiToken in full.
// SQLite always; PostgreSQL too when TEST_DATABASE_URL names one.
//
// PostgreSQL is explained with enable_seqscan = off. On a test-sized table a sequential scan is genuinely
// the cheapest plan, so an honest planner would pick it even where an index fits, and the test would say
// nothing. With sequential scans priced out the planner takes any index that can serve the query, and
// still shows "Seq Scan" when none can: exactly the property under test. Index scans without an Index Cond
// (a walk of the whole index) count as full scans too. The table is also filled with a few thousand rows
// spread over many owners and ANALYZEd, so that both planners work from realistic statistics.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db/connect";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { migrate } from "@/lib/db/migrate";
import { providerOf } from "@/lib/db/url";
import { generateToken } from "@/lib/tokens/server/format";
import { hashSecret } from "@/lib/tokens/server/hash";
import { TOKEN_STATUSES } from "@/lib/tokens/shared/statuses";
import { capturingDatabase, type CapturingDatabase } from "./support/captured-queries";
import { checkPlan, touches } from "./support/query-plans";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("query-plans");

const DAY = 24 * 60 * 60 * 1000;
const OTHER_OWNERS = 200;
const TOKENS_PER_OTHER_OWNER = 20;
const OWNER_TOKENS = 3000;

type TokenRow = Prisma.ApiTokenCreateManyInput;

/** Tokens of every kind the filters tell apart: active, expiring, expired, unused, revoked, reported. */
function tokenRows(userId: string, count: number, now: number, prefix: string): TokenRow[] {
  return Array.from({ length: count }, (_, i) => {
    const { tokenId, secret } = generateToken();
    const name = `${prefix} ${i % 7 === 0 ? "deploy" : "sync"}_${i}`;
    const revoked = i % 10 === 0;
    return {
      id: tokenId,
      userId,
      name,
      nameSearch: name.toLowerCase(),
      secretHash: hashSecret(secret),
      createdAt: new Date(now - (i % 400) * DAY - i * 1000),
      lastUsedAt: i % 3 === 0 ? null : new Date(now - (i % 200) * DAY),
      expiresAt: i % 2 === 0 ? null : new Date(now + ((i % 40) - 10) * DAY),
      revokedAt: revoked ? new Date(now - (i % 60) * DAY) : null,
      revokedReason: revoked ? (i % 20 === 0 ? "reported" : "owner") : null,
    };
  });
}

async function seed(db: Db, now: number) {
  const role = await db.role.create({ data: { name: "Reader", permissions: { create: [{ permission: "orders:read" }] } } });
  const group = await db.visibilityGroup.create({ data: { name: "EMEA" } });
  const user = (email: string) =>
    db.user.create({
      data: { email, name: email, area: "staff", passwordHash: "unused", roles: { create: [{ roleId: role.id }] }, groups: { create: [{ groupId: group.id }] } },
    });
  const owner = await user("owner@plans.test");
  const rows = tokenRows(owner.id, OWNER_TOKENS, now, "owner");
  for (let n = 0; n < OTHER_OWNERS; n++) rows.push(...tokenRows((await user(`other-${n}@plans.test`)).id, TOKENS_PER_OTHER_OWNER, now, `other ${n}`));
  for (let i = 0; i < rows.length; i += 500) await db.apiToken.createMany({ data: rows.slice(i, i + 500) });
  const real = async (name: string) => {
    const { tokenId, secret, token } = generateToken();
    await db.apiToken.create({ data: { id: tokenId, userId: owner.id, name, nameSearch: name, secretHash: hashSecret(secret) } });
    return { tokenId, token };
  };
  const live = await real("live");
  const reported = await real("reported");
  const regenerated = await real("regenerated");
  await db.$executeRawUnsafe("ANALYZE");
  return {
    ownerId: owner.id,
    liveTokenId: live.tokenId,
    liveToken: live.token,
    reportedToken: reported.token,
    regeneratedId: regenerated.tokenId,
    revocableId: rows.find((row) => row.userId === owner.id && !row.revokedAt)!.id,
  };
}

describe.each(databases)("token queries on %s are served by an index", (_name, scratch) => {
  const now = Date.now();
  let database: ScratchDatabase;
  let capturing: CapturingDatabase;
  let fixture: Awaited<ReturnType<typeof seed>>;
  let store: typeof import("@/lib/tokens/server/store");
  let verify: typeof import("@/lib/tokens/server/verify");
  let addressLog: typeof import("@/lib/tokens/usage/address-log");
  let insight: typeof import("@/lib/tokens/server/insight");
  let lifecycle: typeof import("@/lib/tokens/server/lifecycle");

  beforeAll(async () => {
    database = scratch();
    await migrate(database.url);
    const seeding = createDb(database.url);
    fixture = await seed(seeding, now);
    await seeding.$disconnect();
    const provider = providerOf(database.url);
    capturing = await capturingDatabase(database.url, provider === "postgresql" ? ["-c enable_seqscan=off"] : []);
    // The app's modules take their database from this singleton (lib/db/client.ts); load them afresh on it.
    (globalThis as { platformDatabase?: unknown }).platformDatabase = { db: capturing.db, raw: capturing.raw };
    vi.resetModules();
    store = await import("@/lib/tokens/server/store");
    verify = await import("@/lib/tokens/server/verify");
    addressLog = await import("@/lib/tokens/usage/address-log");
    insight = await import("@/lib/tokens/server/insight");
    lifecycle = await import("@/lib/tokens/server/lifecycle");
  }, 120_000);

  afterAll(async () => {
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await capturing?.close();
    await database?.drop();
  });

  async function plansOf(run: () => Promise<unknown>) {
    capturing.take();
    await run();
    const statements = capturing.take().filter((statement) => touches(statement.sql, "ApiToken"));
    expect(statements.length).toBeGreaterThan(0);
    return Promise.all(statements.map((statement) => checkPlan(providerOf(database.url), statement, "ApiToken")));
  }

  async function expectIndexed(run: () => Promise<unknown>) {
    for (const check of await plansOf(run)) {
      // PRINT_QUERY_PLANS=1 shows every statement with its plan, for reviewing an index change.
      if (process.env.PRINT_QUERY_PLANS) console.log(`${check.sql}\n--- plan ---\n${check.plan}\n`);
      expect(check.fullScans, `${check.sql}\n--- plan ---\n${check.plan}`).toEqual([]);
    }
  }

  const at = () => new Date(now);

  it("recognises a full scan (a query on a column no index leads with)", async () => {
    const [check] = await plansOf(() => capturing.db.apiToken.findMany({ where: { nameSearch: { contains: "deploy" } }, take: 5 }));
    expect(check.fullScans.length, check.plan).toBeGreaterThan(0);
  });

  it("the token list, first page", () => expectIndexed(() => store.listTokens(fixture.ownerId, { now: at() })));

  it("the token list, keyset next page", async () => {
    const first = await store.listTokens(fixture.ownerId, { now: at() });
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(() => store.listTokens(fixture.ownerId, { cursor: first.nextCursor!, now: at() }));
  });

  it("the name filter, and its next page", async () => {
    await expectIndexed(() => store.listTokens(fixture.ownerId, { query: "Deploy", now: at() }));
    const first = await store.listTokens(fixture.ownerId, { query: "deploy", now: at() });
    expect(first.nextCursor).not.toBeNull();
    await expectIndexed(() => store.listTokens(fixture.ownerId, { query: "deploy", cursor: first.nextCursor!, now: at() }));
  });

  it("the name filter holding a LIKE wildcard character (read in batches)", () => expectIndexed(() => store.listTokens(fixture.ownerId, { query: "deploy_1", now: at() })));

  for (const status of TOKEN_STATUSES) {
    it(`the status filter "${status}", alone and with a name filter`, async () => {
      await expectIndexed(() => store.listTokens(fixture.ownerId, { status, now: at() }));
      await expectIndexed(() => store.listTokens(fixture.ownerId, { status, query: "sync", now: at() }));
    });
  }

  it("the notice of recently reported tokens", () => expectIndexed(() => store.recentlyReportedTokens(fixture.ownerId, at())));

  it("revoking a token by its ID", () => expectIndexed(() => store.revokeToken(fixture.ownerId, fixture.revocableId)));

  it("the generate form's duplicate-name check", () => expectIndexed(() => store.ownerHasTokenNamed(fixture.ownerId, "Deploy 1")));

  it("the API's token lookup by ID", async () => {
    await expectIndexed(async () => expect(await verify.verifyToken(fixture.liveToken)).not.toBeNull());
  });

  it("a token's details view: the token, its addresses, timeline and usage", async () => {
    await expectIndexed(async () => expect(await insight.getTokenInsight(fixture.ownerId, fixture.liveTokenId, at())).not.toBeNull());
  });

  it("regenerating a token by its ID", async () => {
    await expectIndexed(async () => expect((await lifecycle.regenerateToken(fixture.ownerId, fixture.regeneratedId, 0, at())).ok).toBe(true));
  });

  it("revoking reported credentials by token ID", async () => {
    await expectIndexed(async () => expect(await lifecycle.revokeReportedTokens([fixture.reportedToken], at())).toBe(1));
  });

  it("the last-used stamp by ID", () =>
    expectIndexed(() => addressLog.writeTokenUse(capturing.db, { tokenId: fixture.liveTokenId, address: "192.0.2.7", userAgent: "plans", at: at() })));
});
