// What an empty database is seeded with at start-up (lib/db/prepare.ts), on a new scratch database each time
// (SQLite, and PostgreSQL when TEST_DATABASE_URL names one): demo accounts by default on SQLite only, as
// SEED_DEMO=1 or 0 says otherwise, the roles and groups always, and the demo_accounts line at every start
// while demo accounts exist.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/connect";
import { demoSeedingWanted } from "@/lib/db/demo-mode";
import { prepareDatabase } from "@/lib/db/prepare";
import { logger } from "@/lib/log/logger.mjs";
import { scratchDatabases, type ScratchDatabase } from "./support/scratch-database";

const DEMO_EMAILS = ["admin@example.com", "analyst@example.com", "partner@example.com"];

describe("SEED_DEMO", () => {
  it("defaults to the demo accounts on SQLite only, and takes 1 or 0 to decide otherwise", () => {
    expect(demoSeedingWanted("file:./data/app.db", undefined)).toBe(true);
    expect(demoSeedingWanted("postgresql://db/platform", undefined)).toBe(false);
    expect(demoSeedingWanted("postgresql://db/platform", "")).toBe(false);
    expect(demoSeedingWanted("postgresql://db/platform", "1")).toBe(true);
    expect(demoSeedingWanted("file:./data/app.db", "0")).toBe(false);
    expect(() => demoSeedingWanted("file:./data/app.db", "no")).toThrow(/SEED_DEMO must be 1 or 0/);
  });
});

describe.each(scratchDatabases("seed-demo"))("start-up seeding on %s", (provider, scratch) => {
  let database: ScratchDatabase;
  let logged: Record<string, unknown>[];
  const setting = process.env.SEED_DEMO;

  beforeEach(() => {
    database = scratch();
    logged = [];
    const record = (entry: unknown) => void logged.push(entry as Record<string, unknown>);
    vi.spyOn(logger, "info").mockImplementation(record);
    vi.spyOn(logger, "warn").mockImplementation(record);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    if (setting === undefined) delete process.env.SEED_DEMO;
    else process.env.SEED_DEMO = setting;
    await database.drop();
  });

  async function start(seedDemo: string | undefined): Promise<string[]> {
    if (seedDemo === undefined) delete process.env.SEED_DEMO;
    else process.env.SEED_DEMO = seedDemo;
    logged = [];
    await prepareDatabase(database.url);
    return logged.map((line) => String(line.event));
  }

  async function contents() {
    const db = createDb(database.url);
    try {
      const [users, roles, groups, orders] = await Promise.all([
        db.user.findMany({ select: { email: true }, orderBy: { email: "asc" } }),
        db.role.count(),
        db.visibilityGroup.count(),
        db.order.count(),
      ]);
      return { users: users.map((user) => user.email), roles, groups, orders };
    } finally {
      await db.$disconnect();
    }
  }

  const demoByDefault = provider === "sqlite";

  for (const seedDemo of [undefined, "1", "0"]) {
    const demo = seedDemo === undefined ? demoByDefault : seedDemo === "1";
    it(`${seedDemo === undefined ? "without SEED_DEMO" : `with SEED_DEMO=${seedDemo}`}: ${demo ? "the demo accounts, and a warning at every start" : "roles and groups, no account, no warning"}`, async () => {
      const events = await start(seedDemo);
      const found = await contents();
      expect(found.roles).toBe(3);
      expect(found.groups).toBe(4);
      if (demo) {
        expect(events).toEqual(["migrations_applied", "demo_data_seeded", "demo_accounts"]);
        expect(logged.at(-1)).toMatchObject({ event: "demo_accounts", accounts: DEMO_EMAILS });
        expect(found.users).toEqual(DEMO_EMAILS);
        expect(found.orders).toBeGreaterThan(0);
        // A later start seeds nothing and still warns, whatever SEED_DEMO says then.
        expect(await start("0")).toEqual(["demo_accounts"]);
      } else {
        expect(events).toEqual(["migrations_applied", "roles_and_groups_seeded"]);
        expect(found.users).toEqual([]);
        expect(found.orders).toBe(0);
        expect(await start(seedDemo)).toEqual([]);
        expect(await contents()).toEqual(found);
      }
    }, 120_000);
  }
});
