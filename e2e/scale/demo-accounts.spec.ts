// Demo accounts have published passwords, so an empty database gets them only on the embedded SQLite
// default (where `npm start` must be usable at once) or when SEED_DEMO=1 asks for them; on PostgreSQL, or
// with SEED_DEMO=0, it gets the roles and groups alone, and `npm run create-admin` makes the first
// administrator. While demo accounts exist, every start logs it. Each test starts instances of the test
// build on a new database of the suite's kind (SQLite in the SQLite pass, PostgreSQL in the other), with and
// without SEED_DEMO, and signs in to them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { request, type APIRequestContext } from "@playwright/test";
import { providerOf } from "../../lib/db/url";
import { DEMO, expect, test, uniqueClientAddress } from "../support/fixtures";
import { loggedEvents, type AppInstance, type AppInstances } from "../support/app-instance";
import { freshDatabaseLike, type FreshDatabase } from "./fresh-database";

const ROOT = path.resolve(import.meta.dirname, "../..");

function suiteDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (scripts/test.mjs sets it)");
  return url;
}

const provider = providerOf(suiteDatabaseUrl());
// What this database gets by default, and the setting that asks for the other way.
const demoByDefault = provider === "sqlite";
const otherWay = demoByDefault ? "0" : "1";

async function clientOf(instance: AppInstance): Promise<APIRequestContext> {
  return request.newContext({ baseURL: instance.url, extraHTTPHeaders: { "X-Forwarded-For": uniqueClientAddress() } });
}

/** Tries to sign in through next-auth's credentials endpoint; the email of the session it got, if any. */
async function signIn(instance: AppInstance, user: { email: string; password: string }): Promise<{ client: APIRequestContext; email: string | null }> {
  const client = await clientOf(instance);
  const { csrfToken } = await (await client.get("/api/auth/csrf")).json();
  await client.post("/api/auth/callback/credentials", { form: { csrfToken, email: user.email, password: user.password, json: "true" } });
  const session = await (await client.get("/api/auth/session")).json();
  return { client, email: session?.user?.email ?? null };
}

async function expectDemo(instance: AppInstance, fresh: FreshDatabase): Promise<void> {
  expect(loggedEvents(instance, "demo_data_seeded")).toHaveLength(1);
  const [line] = loggedEvents(instance, "demo_accounts");
  expect(line?.accounts).toEqual([DEMO.admin.email, DEMO.analyst.email, DEMO.partner.email]);
  expect(line?.message).toContain("published passwords");
  expect(await fresh.count("User")).toBe(3);
  expect(await fresh.count("Order")).toBeGreaterThan(0);
  const { client, email } = await signIn(instance, DEMO.admin);
  expect(email).toBe(DEMO.admin.email);
  await client.dispose();
}

async function expectNoDemo(instance: AppInstance, fresh: FreshDatabase): Promise<void> {
  expect(loggedEvents(instance, "demo_data_seeded")).toEqual([]);
  expect(loggedEvents(instance, "demo_accounts")).toEqual([]);
  expect(loggedEvents(instance, "roles_and_groups_seeded")).toHaveLength(1);
  expect(await fresh.count("User")).toBe(0);
  expect(await fresh.count("Order")).toBe(0);
  // What an administrator needs to set everyone else up is there.
  expect(await fresh.count("Role")).toBe(3);
  expect(await fresh.count("VisibilityGroup")).toBe(4);
  for (const user of [DEMO.admin, DEMO.partner]) {
    const { client, email } = await signIn(instance, user);
    expect(email).toBeNull();
    await client.dispose();
  }
}

// Starting an instance takes seconds on an idle machine and much longer on a loaded one.
const INSTANCE_BUDGET_MS = 120_000;

test.describe(`demo accounts on ${provider}`, () => {
  let fresh: FreshDatabase;
  let instances: AppInstances;

  test.beforeEach(({ appInstances }) => {
    fresh = freshDatabaseLike(suiteDatabaseUrl());
    instances = appInstances;
  });

  test.afterEach(async () => {
    // Stopped before the database they hold open is dropped.
    await instances.stopAll();
    await fresh.drop();
  });

  const start = (env: Record<string, string>) => instances.start({ ...env, DATABASE_URL: fresh.url });

  test(`an empty database ${demoByDefault ? "gets" : "does not get"} them without SEED_DEMO`, async () => {
    test.setTimeout(3 * INSTANCE_BUDGET_MS);
    // Empty means unset: the suite's own SEED_DEMO=1 must not leak in.
    const instance = await start({ SEED_DEMO: "" });
    if (demoByDefault) {
      await expectDemo(instance, fresh);
      // Said again at every start while they exist, not only at the start that seeded them.
      await instance.stop();
      const restarted = await start({ SEED_DEMO: "" });
      expect(loggedEvents(restarted, "demo_data_seeded")).toEqual([]);
      expect(loggedEvents(restarted, "demo_accounts")).toHaveLength(1);
    } else {
      await expectNoDemo(instance, fresh);
    }
  });

  test(`SEED_DEMO=${otherWay} ${demoByDefault ? "keeps them out" : "seeds them"}`, async () => {
    test.setTimeout(2 * INSTANCE_BUDGET_MS);
    const instance = await start({ SEED_DEMO: otherWay });
    if (demoByDefault) await expectNoDemo(instance, fresh);
    else await expectDemo(instance, fresh);
  });

  test("without demo accounts, npm run create-admin makes an administrator who signs in and manages users", async () => {
    test.setTimeout(3 * INSTANCE_BUDGET_MS);
    const instance = await start({ SEED_DEMO: "0" });
    const admin = { email: `first-admin-${Date.now()}@example.org`, password: "three quiet harbours" };
    const created = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/create-admin.ts"), "--email", admin.email, "--name", "First Admin"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: fresh.url, ADMIN_PASSWORD: admin.password },
      encoding: "utf8",
      timeout: INSTANCE_BUDGET_MS,
    });
    expect(created.stdout + created.stderr).toContain(`Administrator ${admin.email} created`);
    expect(created.status).toBe(0);

    const { client, email } = await signIn(instance, admin);
    expect(email).toBe(admin.email);
    const users = await client.get("/admin/users");
    expect(users.status()).toBe(200);
    expect(await users.text()).toContain(admin.email);
    const wrong = await signIn(instance, { email: admin.email, password: "not the password at all" });
    expect(wrong.email).toBeNull();
    await Promise.all([client.dispose(), wrong.client.dispose()]);
    // Restarted, the instance still finds no demo account to warn about.
    await instance.stop();
    const restarted = await start({ SEED_DEMO: "" });
    expect(loggedEvents(restarted, "demo_accounts")).toEqual([]);
    expect(loggedEvents(restarted, "demo_data_seeded")).toEqual([]);
  });
});
