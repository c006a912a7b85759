// Verification fails closed on timestamps it cannot read. The verifying statement hands timestamps over as
// text, and a stored value can be text that is no date (SQLite stores whatever it is given) or one that
// JavaScript cannot parse (PostgreSQL's 'infinity' and '-infinity', a year past 9999). Any revocation must
// revoke, an unreadable expiry must count as passed, and an unreadable end of a regeneration overlap must
// end it. The app's own modules run against a scratch database migrated like the app's (SQLite, and
// PostgreSQL when TEST_DATABASE_URL names one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatToken, generateToken } from "@/lib/tokens/server/format";
import { hashSecret } from "@/lib/tokens/server/hash";
import { scratchDatabases, useScratchDatabase, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("token-timestamps");

// Values each database accepts in a timestamp column and Date.parse cannot read.
const UNREADABLE: Record<string, string[]> = {
  sqlite: ["not a date", "infinity", "", "10000-01-01T00:00:00.000"],
  postgresql: ["infinity", "-infinity", "10000-01-01 00:00:00", "4713-01-01 00:00:00 BC"],
};

type Column = "revokedAt" | "expiresAt" | "previousSecretExpiresAt";

describe.each(databases)("verification on %s", (provider, scratch) => {
  let database: ScratchDatabase;
  let modules: { db: typeof import("@/lib/db/client"); verify: typeof import("@/lib/tokens/server/verify") };
  let ownerId: string;

  beforeAll(async () => {
    database = scratch();
    await useScratchDatabase(database);
    modules = { db: await import("@/lib/db/client"), verify: await import("@/lib/tokens/server/verify") };
    const owner = await modules.db.db.user.create({ data: { email: "timestamps@example.com", name: "Timestamps", area: "staff", passwordHash: "unused" } });
    ownerId = owner.id;
  }, 60_000); // migrating a new database takes seconds on a loaded machine

  afterAll(async () => {
    await modules.db.db.$disconnect();
    await modules.db.rawReader.close();
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await database.drop();
  });

  /** A live token, regenerated an hour ago with its previous secret still working for a day. */
  async function regeneratedToken(): Promise<{ tokenId: string; token: string; previousToken: string }> {
    const { tokenId, secret, token } = generateToken();
    const previousSecret = generateToken().secret;
    await modules.db.db.apiToken.create({
      data: {
        id: tokenId,
        userId: ownerId,
        name: "timestamps",
        nameSearch: "timestamps",
        secretHash: hashSecret(secret),
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
        previousSecretHash: hashSecret(previousSecret),
        previousSecretExpiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { tokenId, token, previousToken: formatToken(tokenId, previousSecret) };
  }

  // Written with SQL: the client would refuse such values, which is the point.
  async function store(tokenId: string, column: Column, value: string): Promise<void> {
    const sql = provider === "postgresql" ? `UPDATE "ApiToken" SET "${column}" = $1::timestamp(3) WHERE "id" = $2` : `UPDATE "ApiToken" SET "${column}" = ? WHERE "id" = ?`;
    const written = await modules.db.db.$executeRawUnsafe(sql, value, tokenId);
    expect(written).toBe(1);
  }

  const verified = async (token: string) => (await modules.verify.verifyToken(token)) !== null;

  it("accepts the token and its previous secret while every timestamp is readable", async () => {
    const { token, previousToken } = await regeneratedToken();
    expect(await verified(token)).toBe(true);
    expect(await verified(previousToken)).toBe(true);
  });

  for (const value of UNREADABLE[provider]) {
    it(`counts a revocation stored as ${JSON.stringify(value)} as revoked`, async () => {
      const { tokenId, token, previousToken } = await regeneratedToken();
      await store(tokenId, "revokedAt", value);
      expect(await verified(token)).toBe(false);
      expect(await verified(previousToken)).toBe(false);
    });

    it(`counts an expiry stored as ${JSON.stringify(value)} as passed`, async () => {
      const { tokenId, token, previousToken } = await regeneratedToken();
      await store(tokenId, "expiresAt", value);
      expect(await verified(token)).toBe(false);
      expect(await verified(previousToken)).toBe(false);
    });

    it(`ends the previous secret's overlap stored as ${JSON.stringify(value)}, and only that`, async () => {
      const { tokenId, token, previousToken } = await regeneratedToken();
      await store(tokenId, "previousSecretExpiresAt", value);
      expect(await verified(previousToken)).toBe(false);
      expect(await verified(token)).toBe(true);
    });
  }
});
