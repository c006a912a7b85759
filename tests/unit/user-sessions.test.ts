// Session lifetimes decided by the clock: the session record functions take the current time as an argument,
// so these tests move it instead of waiting hours. They run against a scratch database migrated like the
// app's (SQLite, and PostgreSQL when TEST_DATABASE_URL names one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabases, useScratchDatabase, type ScratchDatabase } from "./support/scratch-database";

const databases = scratchDatabases("user-sessions");

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const T0 = new Date("2026-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(databases)("on %s", (_provider, scratch) => {
  let database: ScratchDatabase;
  let modules: { db: typeof import("@/lib/db/client"); store: typeof import("@/lib/auth/session-store") };
  let userId: string;
  let otherUserId: string;

  beforeAll(async () => {
    database = scratch();
    await useScratchDatabase(database);
    modules = { db: await import("@/lib/db/client"), store: await import("@/lib/auth/session-store") };
    const make = (email: string) => modules.db.db.user.create({ data: { email, name: email, area: "staff", passwordHash: "unused" } });
    userId = (await make("sessions@example.com")).id;
    otherUserId = (await make("other@example.com")).id;
  });

  afterAll(async () => {
    await modules.db.db.$disconnect();
    await modules.db.rawReader.close();
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await database.drop();
  });

  const start = () => modules.store.startSession(modules.db.db, userId, T0);
  const resume = (id: string, now: Date, user = userId) => modules.store.resumeSession(modules.db.db, id, user, now);
  const lastSeen = async (id: string) => (await modules.db.db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();

  it("a fresh session is live, with its sign-in as the last password confirmation", async () => {
    const id = await start();
    const live = await resume(id, at(MINUTE));
    expect(live).toMatchObject({ id, userId, signedInAt: T0, confirmedAt: T0 });
  });

  it("ends 8 hours after sign-in even when used all along", async () => {
    const id = await start();
    // Used every 50 minutes: never idle, renewed each time.
    for (let minutes = 50; minutes < 8 * 60; minutes += 50) expect(await resume(id, at(minutes * MINUTE)), `${minutes} min`).not.toBeNull();
    expect(await resume(id, at(8 * HOUR - MINUTE))).not.toBeNull();
    expect(await resume(id, at(8 * HOUR))).toBeNull();
    expect(await resume(id, at(9 * HOUR))).toBeNull();
  });

  it("ends after an idle hour, and stays ended", async () => {
    const id = await start();
    expect(await resume(id, at(59 * MINUTE))).not.toBeNull();
    expect(await resume(id, at(59 * MINUTE + HOUR))).toBeNull();
    // Used again later: a late request cannot bring it back.
    expect(await resume(id, at(59 * MINUTE + HOUR + MINUTE))).toBeNull();
  });

  it("records use at most once a minute", async () => {
    const id = await start();
    await resume(id, at(30 * 1000));
    expect(await lastSeen(id)).toBe(T0.getTime());
    await resume(id, at(MINUTE + 1000));
    expect(await lastSeen(id)).toBe(at(MINUTE + 1000).getTime());
    await resume(id, at(MINUTE + 50 * 1000));
    expect(await lastSeen(id)).toBe(at(MINUTE + 1000).getTime());
  });

  it("signing out ends that session only; the user's other sessions go on", async () => {
    const signedOut = await start();
    const other = await start();
    await modules.store.endSession(modules.db.db, signedOut, at(MINUTE));
    expect(await resume(signedOut, at(2 * MINUTE))).toBeNull();
    expect(await resume(other, at(2 * MINUTE))).not.toBeNull();
  });

  it("a password reset ends every session of the user and no one else's", async () => {
    const mine = [await start(), await start()];
    const theirs = await modules.store.startSession(modules.db.db, otherUserId, T0);
    await modules.store.endUserSessions(modules.db.db, userId, at(MINUTE));
    for (const id of mine) expect(await resume(id, at(2 * MINUTE))).toBeNull();
    expect(await resume(theirs, at(2 * MINUTE), otherUserId)).not.toBeNull();
  });

  it("refuses an unknown id, and another user's session", async () => {
    const id = await start();
    expect(await resume("made-up-session-id", at(MINUTE))).toBeNull();
    expect(await resume(id, at(MINUTE), otherUserId)).toBeNull();
  });

  it("drops the user's sessions past their lifetime at the next sign-in", async () => {
    const old = await start();
    await modules.store.startSession(modules.db.db, userId, at(8 * HOUR));
    expect(await modules.db.db.userSession.findUnique({ where: { id: old } })).toBeNull();
  });
});
