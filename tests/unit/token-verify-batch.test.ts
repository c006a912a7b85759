// Token lookups that arrive while one is in flight share the next statement (lib/tokens/server/token-lookup.ts). These
// tests run the app's verification against a scratch database migrated like the app's, counting the
// statements it sends: each lookup must still get exactly its own token's answer, a change committed before
// a lookup is asked for must be seen, and a failed statement must fail only the lookups it carried.
// SQLite always; PostgreSQL too when TEST_DATABASE_URL names one.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { RawReader } from "@/lib/db/raw";
import { formatToken, generateToken } from "@/lib/tokens/server/format";
import { hashSecret } from "@/lib/tokens/server/hash";
import { capturingDatabase, type CapturingDatabase } from "./support/captured-queries";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("token-batch");

describe.each(databases)("token lookups on %s", (_provider, scratch) => {
  let database: ScratchDatabase;
  let capturing: CapturingDatabase;
  let verify: typeof import("@/lib/tokens/server/verify");
  let lookup: typeof import("@/lib/tokens/server/token-lookup");
  // The next statement the raw reader is given fails when failNext is set, and waits for `held` to settle
  // when that is set (a connection that stopped answering).
  let failNext = false;
  let held: Promise<void> | null = null;
  let tokens: Record<"live" | "revoked" | "inactiveOwner" | "otherOwner", { tokenId: string; token: string }>;
  let ownerId: string;
  let otherOwnerId: string;

  beforeAll(async () => {
    database = scratch();
    await migrate(database.url);
    capturing = await capturingDatabase(database.url);
    const raw: RawReader = {
      dialect: capturing.raw.dialect,
      all<T extends unknown[]>(sql: string, params: unknown[]) {
        if (held) {
          const answered = held;
          held = null;
          return answered.then(() => capturing.raw.all<T>(sql, params));
        }
        if (!failNext) return capturing.raw.all<T>(sql, params);
        failNext = false;
        return Promise.reject(new Error("connection lost"));
      },
      close: () => capturing.raw.close(),
    };
    (globalThis as { platformDatabase?: unknown }).platformDatabase = { db: capturing.db, raw };
    vi.resetModules();
    verify = await import("@/lib/tokens/server/verify");
    lookup = await import("@/lib/tokens/server/token-lookup");

    const db = capturing.db;
    const role = await db.role.create({ data: { name: "Reader", permissions: { create: [{ permission: "orders:read" }] } } });
    const user = (email: string, active = true) =>
      db.user.create({ data: { email, name: email, area: "staff", active, passwordHash: "unused", roles: { create: [{ roleId: role.id }] } } });
    ownerId = (await user("owner@batch.test")).id;
    otherOwnerId = (await user("other@batch.test")).id;
    const inactiveId = (await user("inactive@batch.test", false)).id;
    tokens = { live: await make(ownerId), revoked: await make(ownerId, new Date()), inactiveOwner: await make(inactiveId), otherOwner: await make(otherOwnerId) };
    capturing.take();
  });

  async function make(userId: string, revokedAt: Date | null = null): Promise<{ tokenId: string; token: string }> {
    const { tokenId, secret, token } = generateToken();
    await capturing.db.apiToken.create({ data: { id: tokenId, userId, name: "batch", nameSearch: "batch", secretHash: hashSecret(secret), revokedAt } });
    return { tokenId, token };
  }

  afterAll(async () => {
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await capturing.close();
    await database.drop();
  });

  it("lookups asked together share one statement after the first, and each gets exactly its own answer", async () => {
    // The live token's ID with another secret: a well-formed token that must be refused.
    const wrongSecret = formatToken(tokens.live.tokenId, generateToken().secret);
    const unknown = generateToken().token;
    const asked = Array.from({ length: 30 }, (_, i) => [tokens.live, tokens.revoked, tokens.inactiveOwner, tokens.otherOwner, { tokenId: "", token: wrongSecret }, { tokenId: "", token: unknown }][i % 6]);
    const answers = await Promise.all(asked.map(({ token }) => verify.verifyToken(token)));

    answers.forEach((answer, i) => {
      const { token } = asked[i];
      if (token === tokens.live.token) expect(answer).toMatchObject({ tokenId: tokens.live.tokenId, owner: { id: ownerId, permissions: ["orders:read"] } });
      else if (token === tokens.otherOwner.token) expect(answer).toMatchObject({ tokenId: tokens.otherOwner.tokenId, owner: { id: otherOwnerId } });
      // Revoked, inactive owner, wrong secret, unknown ID: refused, whatever else shared the statement.
      else expect(answer).toBeNull();
    });
    // The first lookup went alone; the 29 asked while it was in flight went together.
    expect(capturing.take()).toHaveLength(2);
  });

  it("a revocation committed before a lookup is asked for is seen, even while another lookup is in flight", async () => {
    const victim = await make(ownerId);
    expect(await verify.verifyToken(victim.token)).not.toBeNull();

    const inFlight = verify.verifyToken(tokens.live.token);
    await capturing.db.apiToken.update({ where: { id: victim.tokenId }, data: { revokedAt: new Date() } });
    const [afterRevoke, other] = await Promise.all([verify.verifyToken(victim.token), inFlight]);
    expect(afterRevoke).toBeNull();
    expect(other).toMatchObject({ tokenId: tokens.live.tokenId });
  });

  it("a failed statement fails every lookup it carried, and the lookups after it are read afresh", async () => {
    const first = verify.verifyToken(tokens.live.token);
    // The statement after the first one fails: it carries the two lookups asked while the first was in flight.
    failNext = true;
    const carried = [verify.verifyToken(tokens.live.token), verify.verifyToken(tokens.otherOwner.token)];
    const [sentFirst, ...failed] = await Promise.allSettled([first, ...carried]);
    expect(sentFirst).toMatchObject({ status: "fulfilled", value: { tokenId: tokens.live.tokenId } });
    expect(failed).toMatchObject([
      { status: "rejected", reason: { message: "connection lost" } },
      { status: "rejected", reason: { message: "connection lost" } },
    ]);
    expect(await verify.verifyToken(tokens.otherOwner.token)).toMatchObject({ tokenId: tokens.otherOwner.tokenId });
  });

  it("a statement left unanswered holds the lookups after it back only briefly", async () => {
    let answer = () => {};
    held = new Promise((resolve) => (answer = resolve));
    const stuck = verify.verifyToken(tokens.live.token);
    const askedAt = performance.now();
    expect(await verify.verifyToken(tokens.otherOwner.token)).toMatchObject({ tokenId: tokens.otherOwner.tokenId });
    // It waited for the first statement to be taken for stalled, and no longer.
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(lookup.STALLED_AFTER_MS - 5);
    answer();
    expect(await stuck).toMatchObject({ tokenId: tokens.live.tokenId });
  });
});
