// Token insight's writes, run through the very functions the app calls against a scratch database migrated
// like the app's (SQLite always, PostgreSQL too when TEST_DATABASE_URL names one): addresses and user
// agents capped at five, new-address events, daily counts added up across instances, and the owner's
// deactivation and reactivation on each unrevoked token's timeline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setUserActive } from "@/lib/admin/user-mutations";
import { createDb, type Db } from "@/lib/db/connect";
import { migrate } from "@/lib/db/migrate";
import { writeTokenUse } from "@/lib/tokens/usage/address-log";
import { writeUsage } from "@/lib/tokens/usage/counts-buffer";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("token-usage");

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);

// Each case makes many round trips; over PostgreSQL's network connection on a loaded machine that
// takes longer than Vitest's default 5 s (10 s for hooks), so the cases and hooks have a budget of their own.
const BUDGET_MS = 60_000;

describe.each(databases)("on %s", { timeout: BUDGET_MS }, (_provider, scratch) => {
  let database: ScratchDatabase;
  let db: Db;
  // A second client: another app instance writing to the same database at the same moment.
  let otherInstance: Db;
  let ownerId: string;
  let adminId: string;

  beforeAll(async () => {
    database = scratch();
    await migrate(database.url);
    db = createDb(database.url);
    otherInstance = createDb(database.url);
  }, BUDGET_MS);

  afterAll(async () => {
    await db.$disconnect();
    await otherInstance.$disconnect();
    await database.drop();
  }, BUDGET_MS);

  beforeEach(async () => {
    await db.apiToken.deleteMany();
    await db.user.deleteMany();
    await db.role.deleteMany();
    const role = await db.role.create({ data: { name: "Administrator", permissions: { create: [{ permission: "users:manage" }] } } });
    adminId = (await db.user.create({ data: { email: "admin@example.com", name: "Admin", area: "staff", passwordHash: "x", roles: { create: [{ roleId: role.id }] } } })).id;
    ownerId = (await db.user.create({ data: { email: "owner@example.com", name: "Owner", area: "staff", passwordHash: "x" } })).id;
  }, BUDGET_MS);

  async function token(id: string, revoked = false) {
    await db.apiToken.create({ data: { id, userId: ownerId, name: id, nameSearch: id, secretHash: "x", revokedAt: revoked ? new Date() : null } });
    return id;
  }

  const events = (tokenId: string) => db.tokenEvent.findMany({ where: { tokenId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, detail: true } });

  // Seven first uses, each a transaction with its timeline event and, from the second on, the owner's notice:
  // a few seconds on a busy machine, more than vitest's default 5 s.
  it("records the address and user agent of a use, and keeps only the five most recent addresses", async () => {
    const id = await token("AAAAAAAAAAA1");
    for (let i = 1; i <= 7; i++) await writeTokenUse(db, { tokenId: id, address: `203.0.113.${i}`, userAgent: `agent/${i}`, at: at(i) });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ lastUsedAt: at(7), lastUsedAddress: "203.0.113.7", lastUsedUserAgent: "agent/7" });
    const kept = await db.tokenAddress.findMany({ where: { tokenId: id }, orderBy: { lastSeenAt: "desc" } });
    expect(kept.map((a) => [a.address, a.userAgent])).toEqual([7, 6, 5, 4, 3].map((i) => [`203.0.113.${i}`, `agent/${i}`]));
    // Every first use from an address is on the timeline; the first address of all is not flagged.
    expect((await events(id)).map((e) => e.detail)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `203.0.113.${i}`));
    expect(row.newAddressAt).toEqual(at(7));
  }, 20_000);

  it("updates a known address without a new event, and does not flag an address seen long ago", async () => {
    const id = await token("AAAAAAAAAAA2");
    await writeTokenUse(db, { tokenId: id, address: "198.51.100.1", userAgent: "a", at: at(0) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).newAddressAt).toBeNull();
    // Within the minute and from the same address: nothing is written.
    await writeTokenUse(db, { tokenId: id, address: "198.51.100.1", userAgent: "b", at: at(30) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at(0));
    // A minute later: the stamp and the address's last-seen time move on.
    await writeTokenUse(db, { tokenId: id, address: "198.51.100.1", userAgent: "c", at: at(61) });
    expect(await db.tokenAddress.findUniqueOrThrow({ where: { tokenId_address: { tokenId: id, address: "198.51.100.1" } } })).toMatchObject({
      firstSeenAt: at(0),
      lastSeenAt: at(61),
      userAgent: "c",
    });
    // Pushed out of the five kept, then back: it was seen before, so no event and no flag.
    for (let i = 2; i <= 6; i++) await writeTokenUse(db, { tokenId: id, address: `198.51.100.${i}`, userAgent: null, at: at(100 + i) });
    const flagged = (await db.apiToken.findUniqueOrThrow({ where: { id } })).newAddressAt;
    await writeTokenUse(db, { tokenId: id, address: "198.51.100.1", userAgent: "d", at: at(200) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).newAddressAt).toEqual(flagged);
    expect((await events(id)).filter((e) => e.detail === "198.51.100.1")).toHaveLength(1);
    expect(await db.tokenAddress.count({ where: { tokenId: id } })).toBe(5);
  });

  it("writes a use once when two instances race from the same address", async () => {
    const id = await token("AAAAAAAAAAA3");
    await Promise.all([
      writeTokenUse(db, { tokenId: id, address: "192.0.2.1", userAgent: "a", at: at(0) }),
      writeTokenUse(otherInstance, { tokenId: id, address: "192.0.2.1", userAgent: "a", at: at(0) }),
    ]);
    expect(await events(id)).toEqual([{ kind: "new_address", detail: "192.0.2.1" }]);
    expect(await db.tokenAddress.count({ where: { tokenId: id } })).toBe(1);
  });

  it("adds daily counts up across batches and instances, and drops the counts of a deleted token", async () => {
    const a = await token("AAAAAAAAAAA4");
    const b = await token("AAAAAAAAAAA5");
    await writeUsage(db, [{ tokenId: a, day: "2026-11-29", count: 3 }]);
    const results = await Promise.all([
      writeUsage(db, [{ tokenId: a, day: "2026-11-29", count: 4 }, { tokenId: b, day: "2026-11-29", count: 1 }]),
      writeUsage(otherInstance, [{ tokenId: a, day: "2026-11-29", count: 5 }, { tokenId: a, day: "2026-11-30", count: 2 }]),
      writeUsage(db, [{ tokenId: "gone00000000", day: "2026-11-29", count: 9 }, { tokenId: b, day: "2026-11-30", count: 6 }]),
    ]);
    expect(results).toEqual([[], [], []]);
    const rows = await db.tokenUsageDay.findMany({ orderBy: [{ tokenId: "asc" }, { day: "asc" }] });
    expect(rows.map((r) => [r.tokenId, r.day, r.count])).toEqual([
      [a, "2026-11-29", 12],
      [a, "2026-11-30", 2],
      [b, "2026-11-29", 1],
      [b, "2026-11-30", 6],
    ]);
  });

  it("puts the owner's deactivation and reactivation on each unrevoked token's timeline, in the same change", async () => {
    const active = await token("AAAAAAAAAAA6");
    const revoked = await token("AAAAAAAAAAA7", true);
    expect(await setUserActive(db, adminId, ownerId, false)).toEqual({ ok: true, value: undefined });
    // Deactivating an inactive user changes nothing, so records nothing.
    expect(await setUserActive(db, adminId, ownerId, false)).toEqual({ ok: true, value: undefined });
    expect(await setUserActive(db, adminId, ownerId, true)).toEqual({ ok: true, value: undefined });
    expect(await events(active)).toEqual([
      { kind: "owner_deactivated", detail: null },
      { kind: "owner_reactivated", detail: null },
    ]);
    expect(await events(revoked)).toEqual([]);
    // The tokens themselves are kept: deactivation does not revoke them.
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: active } })).revokedAt).toBeNull();
  });

  it("records nothing when the change is refused", async () => {
    const id = await token("AAAAAAAAAAA8");
    expect((await setUserActive(db, ownerId, adminId, false)).ok).toBe(false);
    expect(await setUserActive(db, adminId, adminId, false)).toMatchObject({ ok: false });
    expect(await db.tokenEvent.count({ where: { tokenId: id } })).toBe(0);
  });
});
