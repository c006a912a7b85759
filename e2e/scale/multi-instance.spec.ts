// Several app instances on one database, as behind a load balancer: two more instances of the test build
// on the suite's database (PostgreSQL in the PostgreSQL pass; one SQLite file in the SQLite pass, which
// is how several processes share one machine). Nothing an instance serves may come from its own memory:
// what one instance changes, the other applies on its very next request.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { readMigrations } from "../../lib/db/migrate";
import { maskToken, parseToken } from "../../lib/tokens/server/format";
import { ADMIN_TOKENS_PATH } from "../../lib/tokens/shared/paths";
import { administratorSpec, createRole, roleIdsOf, section, setChoice, unique } from "../support/admin";
import { expect, signInViaApi, test, uniqueClientAddress } from "../support/fixtures";
import { bearer, createTestToken } from "../support/tokens";
import { generateAndClose, tokenRow } from "../support/token-pages";
import { loggedEvents, type AppInstance } from "../support/app-instance";
import { freshDatabaseLike } from "./fresh-database";

function suiteDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (scripts/test.mjs sets it)");
  return url;
}

/** A browser context whose relative URLs go to the given instance, calling from an address of its own. */
async function contextOn(browser: Browser, instance: AppInstance): Promise<BrowserContext> {
  return browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "X-Forwarded-For": uniqueClientAddress() } });
}

/** Saves the user's roles and groups and waits for the server action's own response, not a stale message. */
async function saveAccess(page: Page): Promise<void> {
  const access = section(page, "Roles and visibility groups");
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
  await access.getByRole("button", { name: "Save roles and groups" }).click();
  expect((await answered).ok()).toBe(true);
  await expect(access.getByRole("status")).toContainText("Roles and visibility groups saved.");
}

test.describe("two instances on one database", () => {
  let a: AppInstance;
  let b: AppInstance;

  test.beforeAll(async ({ workerAppInstances }) => {
    test.setTimeout(180_000);
    [a, b] = await workerAppInstances.startTogether(2, { DATABASE_URL: suiteDatabaseUrl() });
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test("a token generated on one works on the other; revoked on the other, it fails on the first at once", async ({ browser, makeUser }) => {
    // Two browser contexts on two instances that compile each page on first use: a minute is not enough on
    // a loaded two-core machine.
    test.setTimeout(180_000);
    const owner = await makeUser({ area: "staff" });
    const onA = await contextOn(browser, a);
    const pageA = await onA.newPage();
    await signInViaApi(pageA.request, owner);
    await pageA.goto(ADMIN_TOKENS_PATH);
    const name = unique("shared");
    const token = await generateAndClose(pageA, name);
    const { tokenId } = parseToken(token)!;

    const callB = await pageA.request.get(`${b.url}/api/v1/me`, { headers: bearer(token) });
    expect(callB.status()).toBe(200);
    expect((await callB.json()).token).toEqual({ id: tokenId, name });
    // A has served the token too, so whatever it might remember about it is warm.
    expect((await pageA.request.get(`${a.url}/api/v1/me`, { headers: bearer(token) })).status()).toBe(200);

    // The owner's session, signed on A, is honoured by B (shared NEXTAUTH_SECRET), which lists the token.
    const onB = await contextOn(browser, b);
    await onB.addCookies(await onA.cookies(a.url));
    const pageB = await onB.newPage();
    await pageB.goto(ADMIN_TOKENS_PATH);
    const row = tokenRow(pageB, name);
    await expect(row.getByRole("cell").nth(1)).toHaveText(maskToken(tokenId));

    await row.getByRole("button", { name: "Delete" }).click();
    const dialog = pageB.getByRole("dialog", { name: "Revoke token" });
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(tokenRow(pageB, name)).toHaveCount(0);

    // No waiting: the very next request on A is refused, like every 401.
    const refused = await pageA.request.get(`${a.url}/api/v1/me`, { headers: bearer(token) });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
    expect((await pageA.request.get(`${b.url}/api/v1/me`, { headers: bearer(token) })).status()).toBe(401);
    await pageA.reload();
    await expect(tokenRow(pageA, name)).toHaveCount(0);
    await Promise.all([onA.close(), onB.close()]);
  });

  test("a role given and taken on one instance applies on the other at its next request", async ({ browser, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const target = await makeUser({ permissions: ["orders:read"], groups: ["EMEA"] });
    const [ownRoleId] = await roleIdsOf(target.id);
    const productsRole = await createRole(unique("Product reader"), ["products:read"]);
    const { token } = await createTestToken(target.id);
    const api = await contextOn(browser, b);
    const permissionsOnB = async () => (await (await api.request.get("/api/v1/me", { headers: bearer(token) })).json()).permissions;
    const productsStatusOnB = async () => (await api.request.get("/api/v1/products", { headers: bearer(token) })).status();

    expect(await productsStatusOnB()).toBe(403);
    expect(await permissionsOnB()).toEqual(["orders:read"]);

    const onA = await contextOn(browser, a);
    const pageA = await onA.newPage();
    await signInViaApi(pageA.request, admin);
    await pageA.goto(`/admin/users/${target.id}`);
    const access = section(pageA, "Roles and visibility groups");
    await setChoice(access, "Roles", productsRole.name, true);
    await saveAccess(pageA);
    expect(await roleIdsOf(target.id)).toEqual([ownRoleId, productsRole.id].sort());

    expect(await productsStatusOnB()).toBe(200);
    expect(await permissionsOnB()).toEqual(["orders:read", "products:read"]);

    await setChoice(access, "Roles", productsRole.name, false);
    await saveAccess(pageA);
    expect(await roleIdsOf(target.id)).toEqual([ownRoleId]);

    expect(await productsStatusOnB()).toBe(403);
    expect(await permissionsOnB()).toEqual(["orders:read"]);
    await Promise.all([onA.close(), api.close()]);
  });
});

test("two instances starting together on an empty database apply each migration once and seed once", async ({ appInstances }) => {
  test.setTimeout(180_000);
  const fresh = freshDatabaseLike(suiteDatabaseUrl());
  try {
    // Both are started before either is awaited, so their start-ups overlap and meet at the lock.
    const instances = await appInstances.startTogether(2, { DATABASE_URL: fresh.url });

    const expected = readMigrations(fresh.provider);
    expect(expected.length).toBeGreaterThan(0);
    const rows = await fresh.migrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(expected.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(expected[index].checksum);
      expect(row.finished).toBe(true);
      expect(row.applied_steps_count).toBe(1);
    }

    // One instance applied all of them; the other waited for the lock and found nothing left to do.
    const applied = instances.flatMap((instance) => loggedEvents(instance, "migrations_applied"));
    expect(applied).toMatchObject([{ event: "migrations_applied", migrations: expected.map((migration) => migration.name) }]);
    expect(instances.flatMap((instance) => loggedEvents(instance, "demo_data_seeded"))).toHaveLength(1);
    expect(await fresh.count("User")).toBe(3);
    expect(await fresh.count("VisibilityGroup")).toBe(4);

    for (const instance of instances) expect((await fetch(`${instance.url}/api/health/ready`)).status).toBe(200);
  } finally {
    // Stopped before the database they hold open is dropped.
    await appInstances.stopAll();
    await fresh.drop();
  }
});
