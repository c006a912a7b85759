// Expiry and the regeneration overlap, decided by the clock: verification and regeneration take the
// current time as an argument, so these tests move it instead of sleeping. They run the app's own token
// modules against a scratch database migrated like the app's (SQLite, and PostgreSQL when
// TEST_DATABASE_URL names one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabases, useScratchDatabase, type ScratchDatabase } from "./support/scratch-database";
import { formatToken, generateToken } from "@/lib/tokens/server/format";
import { hashSecret } from "@/lib/tokens/server/hash";

const databases = scratchDatabases("token-clock");

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = new Date("2026-03-01T10:00:00.000Z");

describe.each(databases)("on %s", (_provider, scratch) => {
  let database: ScratchDatabase;
  let modules: {
    db: typeof import("@/lib/db/client");
    verify: typeof import("@/lib/tokens/server/verify");
    lifecycle: typeof import("@/lib/tokens/server/lifecycle");
  };
  let ownerId: string;

  beforeAll(async () => {
    database = scratch();
    await useScratchDatabase(database);
    modules = {
      db: await import("@/lib/db/client"),
      verify: await import("@/lib/tokens/server/verify"),
      lifecycle: await import("@/lib/tokens/server/lifecycle"),
    };
    const owner = await modules.db.db.user.create({ data: { email: "clock@example.com", name: "Clock", area: "staff", passwordHash: "unused" } });
    ownerId = owner.id;
  });

  afterAll(async () => {
    await modules.db.db.$disconnect();
    await modules.db.rawReader.close();
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await database.drop();
  });

  async function tokenExpiringAt(expiresAt: Date | null): Promise<{ token: string; tokenId: string }> {
    const { tokenId, secret, token } = generateToken();
    await modules.db.db.apiToken.create({
      data: { id: tokenId, userId: ownerId, name: "clock", nameSearch: "clock", secretHash: hashSecret(secret), createdAt: T0, expiresAt },
    });
    return { token, tokenId };
  }

  const verified = async (token: string, now: Date) => (await modules.verify.verifyToken(token, now)) !== null;

  it("accepts a token until the instant it expires, and refuses it from then on", async () => {
    const expiresAt = new Date(T0.getTime() + 30 * DAY);
    const { token } = await tokenExpiringAt(expiresAt);
    expect(await verified(token, T0)).toBe(true);
    expect(await verified(token, new Date(expiresAt.getTime() - 1))).toBe(true);
    expect(await verified(token, expiresAt)).toBe(false);
    expect(await verified(token, new Date(expiresAt.getTime() + 90 * DAY))).toBe(false);
  });

  it("never expires a token without an expiry", async () => {
    const { token } = await tokenExpiringAt(null);
    expect(await verified(token, new Date(T0.getTime() + 3650 * DAY))).toBe(true);
  });

  it("keeps the old secret working during a one-hour overlap and refuses it after", async () => {
    const { token: old, tokenId } = await tokenExpiringAt(null);
    const regenerated = await modules.lifecycle.regenerateToken(ownerId, tokenId, 3600, T0);
    expect(regenerated.ok).toBe(true);
    const fresh = regenerated.ok ? regenerated.token : "";
    expect(fresh).not.toBe(old);
    expect(fresh.slice(0, 17)).toBe(old.slice(0, 17)); // same token ID

    expect(await verified(old, new Date(T0.getTime() + 59 * 60 * 1000))).toBe(true);
    expect(await verified(fresh, new Date(T0.getTime() + 59 * 60 * 1000))).toBe(true);
    expect(await verified(old, new Date(T0.getTime() + HOUR))).toBe(false);
    expect(await verified(old, new Date(T0.getTime() + 2 * HOUR))).toBe(false);
    expect(await verified(fresh, new Date(T0.getTime() + 2 * HOUR))).toBe(true);
  });

  it("stops the old secret at once without an overlap", async () => {
    const { token: old, tokenId } = await tokenExpiringAt(null);
    const regenerated = await modules.lifecycle.regenerateToken(ownerId, tokenId, 0, T0);
    expect(await verified(old, T0)).toBe(false);
    expect(await verified(regenerated.ok ? regenerated.token : "", T0)).toBe(true);
  });

  it("ends an earlier overlap when the token is regenerated again: only the latest previous secret lingers", async () => {
    const { token: first, tokenId } = await tokenExpiringAt(null);
    const second = await modules.lifecycle.regenerateToken(ownerId, tokenId, 7 * 24 * 3600, T0);
    const third = await modules.lifecycle.regenerateToken(ownerId, tokenId, 3600, new Date(T0.getTime() + HOUR));
    const at = new Date(T0.getTime() + 90 * 60 * 1000);
    expect(await verified(first, at)).toBe(false);
    expect(await verified(second.ok ? second.token : "", at)).toBe(true);
    expect(await verified(third.ok ? third.token : "", at)).toBe(true);
  });

  it("refuses to regenerate an expired token, another user's token or a revoked one", async () => {
    const { tokenId: expired } = await tokenExpiringAt(new Date(T0.getTime() + DAY));
    expect(await modules.lifecycle.regenerateToken(ownerId, expired, 0, new Date(T0.getTime() + 2 * DAY))).toEqual({ ok: false, reason: "expired" });

    const { tokenId, token } = await tokenExpiringAt(null);
    expect(await modules.lifecycle.regenerateToken("someone-else", tokenId, 0, T0)).toEqual({ ok: false, reason: "missing" });
    expect(await verified(token, T0)).toBe(true);

    await modules.db.db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: T0, revokedReason: "owner" } });
    expect(await modules.lifecycle.regenerateToken(ownerId, tokenId, 0, T0)).toEqual({ ok: false, reason: "missing" });
  });

  it("revokes a reported token by its old secret only while that secret still works", async () => {
    const { token: old, tokenId } = await tokenExpiringAt(null);
    await modules.lifecycle.regenerateToken(ownerId, tokenId, 3600, T0);
    // After the overlap the old value is harmless: reporting it revokes nothing.
    expect(await modules.lifecycle.revokeReportedTokens([old], new Date(T0.getTime() + 2 * HOUR))).toBe(0);
    // During the overlap it is a live credential: reporting it revokes the token.
    expect(await modules.lifecycle.revokeReportedTokens([old], new Date(T0.getTime() + 30 * 60 * 1000))).toBe(1);
    const row = await modules.db.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.revokedReason).toBe("reported");
  });

  it("revokes nothing for a value with the right ID and a wrong secret", async () => {
    const { tokenId } = await tokenExpiringAt(null);
    const forged = formatToken(tokenId, "A".repeat(32));
    expect(await modules.lifecycle.revokeReportedTokens([forged, "pat_nonsense", ""], T0)).toBe(0);
    const row = await modules.db.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.revokedAt).toBeNull();
  });
});
