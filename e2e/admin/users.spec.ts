import bcrypt from "bcryptjs";
import { ADMIN_MESSAGES } from "../../lib/admin/messages";
import { administratorSpec, createRole, groupNamesOf, roleIdsOf, section, setChoice, signedInPage, expectUserCreated, submitNewUser, unique, userPage, visitorPage } from "../support/admin";
import { testDb } from "../support/db";
import { DEMO, expect, signInViaApi, signInViaForm, test } from "../support/fixtures";
import { bearer, createTestToken } from "../support/tokens";

const signInAlert = (page: import("@playwright/test").Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

async function groupsSeenInOrders(page: import("@playwright/test").Page): Promise<string[]> {
  await page.goto("/admin/orders");
  const cells = await page.getByRole("table", { name: "Orders" }).locator("tbody tr td:nth-child(3)").allTextContents();
  return [...new Set(cells)].sort();
}

test.describe("users", () => {
  test("an administrator creates a user with roles and groups, who can then sign in and see just that", async ({ page, browser, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const role = await createRole(unique("Order reader"), ["orders:read"]);
    const name = unique("Integration");
    const email = `${name.replaceAll(" ", "-").toLowerCase()}@test.example`;
    await signInViaApi(page.request, admin);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "New user" }).click();
    await expect(page).toHaveURL(/\/admin\/users\/new$/);
    await submitNewUser(page, { name, email: email.toUpperCase(), password: "a-long-passphrase", roles: [role.name], groups: ["APAC"] });

    await expectUserCreated(page);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("User created. They can sign in with the initial password.");

    const stored = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect(stored).toMatchObject({ name, area: "staff", active: true });
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(await bcrypt.compare("a-long-passphrase", stored.passwordHash)).toBe(true);
    expect(await roleIdsOf(stored.id)).toEqual([role.id]);
    expect(await groupNamesOf(stored.id)).toEqual(["APAC"]);

    const newcomer = await signedInPage(browser, { email, password: "a-long-passphrase" });
    expect(await groupsSeenInOrders(newcomer)).toEqual(["APAC"]);
    await newcomer.goto("/admin/products");
    await expect(newcomer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await newcomer.context().close();
  });

  test("a partner user is created for the partner hub", async ({ page, browser, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const role = await createRole(unique("Partner reader"), ["orders:read"]);
    const name = unique("Partner integration");
    const email = `${name.replaceAll(" ", "-").toLowerCase()}@test.example`;
    await signInViaApi(page.request, admin);
    await submitNewUser(page, { name, email, password: "partner-passphrase", area: "partner", roles: [role.name], groups: ["Acme"] });
    await expect(page.getByRole("status")).toContainText("User created.");
    await expect(page.getByText("signs in to the partner hub")).toBeVisible();

    const partner = await signedInPage(browser, { email, password: "partner-passphrase" });
    await expect(partner).toHaveURL(/\/partner$/);
    await partner.context().close();
  });

  test("a duplicate email and a weak password are refused with clear messages, and nothing is created", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const name = unique("Would-be user");
    await signInViaApi(page.request, admin);

    await submitNewUser(page, { name, email: `  ${DEMO.analyst.email.toUpperCase()}`, password: "a-long-passphrase", groups: ["EMEA"] });
    await expect(page.getByText(ADMIN_MESSAGES.duplicateEmail)).toBeVisible();
    await expect(page.getByText(ADMIN_MESSAGES.checkFields)).toBeVisible();
    // What was typed is still there to correct, apart from the password.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByRole("group", { name: "Visibility groups" }).getByRole("checkbox", { name: "EMEA", exact: true })).toBeChecked();
    await expect(page.getByLabel("Initial password")).toHaveValue("");

    const email = `${name.replaceAll(" ", "-").toLowerCase()}@test.example`;
    await submitNewUser(page, { name, email, password: "short" });
    await expect(page.getByText("The password must be at least 10 characters long.")).toBeVisible();
    await submitNewUser(page, { name, email, password: "aaaaaaaaaaaa" });
    await expect(page.getByText("The password cannot be a single character repeated.")).toBeVisible();
    await submitNewUser(page, { name: "   ", email: "not-an-email", password: "a-long-passphrase" });
    await expect(page.getByText("Enter a name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, such as name@example.com.")).toBeVisible();

    expect(await testDb().user.count({ where: { name } })).toBe(0);
    expect(await testDb().user.count({ where: { email } })).toBe(0);
  });

  test("a role deleted while the form was open is refused with a clear message", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const doomed = await createRole(unique("Short-lived"), ["orders:read"]);
    const name = unique("Late user");
    await signInViaApi(page.request, admin);
    await page.goto("/admin/users/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Email", { exact: true }).fill(`${name.replaceAll(" ", "-").toLowerCase()}@test.example`);
    await page.getByLabel("Initial password").fill("a-long-passphrase");
    await setChoice(page, "Roles", doomed.name, true);
    await testDb().role.delete({ where: { id: doomed.id } });
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("group", { name: "Roles" }).getByText(ADMIN_MESSAGES.unknownRole)).toBeVisible();
    expect(await testDb().user.count({ where: { name } })).toBe(0);
  });

  test("search finds users by name or email, case-insensitively, and keeps the search in the URL", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const marker = unique("Zephyr").replace(" ", "");
    const first = await makeUser({ name: `${marker} First` });
    const second = await makeUser({ name: `${marker} Second` });
    const other = await makeUser();
    await signInViaApi(page.request, admin);
    await page.goto("/admin/users");

    await page.getByLabel("Search by name or email").fill(marker.toUpperCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/users\\?q=${marker.toUpperCase()}$`));
    const rows = page.getByRole("table", { name: "Users" }).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: first.email })).toHaveCount(1);
    await expect(rows.filter({ hasText: second.email })).toHaveCount(1);

    await page.goto(`/admin/users?q=${encodeURIComponent(other.email.split("@")[0].toUpperCase())}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(other.name);
    await expect(page.getByLabel("Search by name or email")).toHaveValue(other.email.split("@")[0].toUpperCase());

    await page.goto(`/admin/users?q=${marker}-nobody`);
    await expect(page.getByText(`No users match “${marker}-nobody”.`)).toBeVisible();
  });

  test("editing a user's roles and groups applies on their next page load", async ({ page, browser, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const target = await makeUser({ permissions: ["orders:read"], groups: ["EMEA"] });
    const [ownRoleId] = await roleIdsOf(target.id);
    const productsRole = await createRole(unique("Product reader"), ["products:read"]);
    const watcher = await signedInPage(browser, target);
    expect(await groupsSeenInOrders(watcher)).toEqual(["EMEA"]);

    await signInViaApi(page.request, admin);
    await userPage(page, target);
    const access = section(page, "Roles and visibility groups");
    await setChoice(access, "Roles", productsRole.name, true);
    await setChoice(access, "Visibility groups", "EMEA", false);
    await setChoice(access, "Visibility groups", "Americas", true);
    await access.getByRole("button", { name: "Save roles and groups" }).click();
    await expect(access.getByRole("status")).toContainText("Roles and visibility groups saved.");

    expect(await roleIdsOf(target.id)).toEqual([ownRoleId, productsRole.id].sort());
    expect(await groupNamesOf(target.id)).toEqual(["Americas"]);
    // The form shows what is stored now, also after a reload.
    await page.reload();
    await expect(access.getByRole("group", { name: "Visibility groups" }).getByRole("checkbox", { name: "Americas", exact: true })).toBeChecked();
    await expect(access.getByRole("group", { name: "Visibility groups" }).getByRole("checkbox", { name: "EMEA", exact: true })).not.toBeChecked();

    expect(await groupsSeenInOrders(watcher)).toEqual(["Americas"]);
    await watcher.goto("/admin/products");
    await expect(watcher.getByRole("heading", { name: "Products" })).toBeVisible();

    // Taking every role away leaves a user who can sign in and do nothing.
    const ownRole = await testDb().role.findUniqueOrThrow({ where: { id: ownRoleId } });
    await setChoice(access, "Roles", productsRole.name, false);
    await setChoice(access, "Roles", ownRole.name, false);
    await access.getByRole("button", { name: "Save roles and groups" }).click();
    await expect(access.getByRole("status")).toContainText("saved");
    expect(await roleIdsOf(target.id)).toEqual([]);
    await watcher.goto("/admin/orders");
    await expect(watcher.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await watcher.context().close();
  });

  test("resetting a password: the old one fails, the new one works, and the sessions it opened end", async ({ page, browser, request, makeUser }) => {
    // Four browser sessions and several bcrypt sign-ins: a minute is not enough on a loaded two-core machine.
    test.setTimeout(180_000);
    const admin = await makeUser(administratorSpec());
    const target = await makeUser();
    const bystander = await makeUser();
    const { token } = await createTestToken(target.id);
    // Two sessions of the user (say, a laptop and an attacker's browser) and one of someone else.
    const sessions = [await signedInPage(browser, target), await signedInPage(browser, target)];
    const other = await signedInPage(browser, bystander);
    await signInViaApi(page.request, admin);
    await userPage(page, target);
    const password = section(page, "Password");

    await password.getByLabel("New password").fill("too-short");
    await password.getByRole("button", { name: "Reset password" }).click();
    await expect(password.getByText("The password must be at least 10 characters long.")).toBeVisible();

    await password.getByLabel("New password").fill("brand-new-passphrase");
    await password.getByRole("button", { name: "Reset password" }).click();
    await expect(password.getByRole("status")).toContainText("Password reset.");
    await expect(password.getByLabel("New password")).toHaveValue("");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).passwordChangedAt).not.toBeNull();
    expect(await testDb().userSession.count({ where: { userId: target.id, endedAt: null } })).toBe(0);

    // Every session the old password opened is over at its next page load; someone else's is not.
    for (const session of sessions) {
      await session.goto("/admin/orders");
      await expect(session).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Forders$/);
    }
    await other.goto("/admin/orders");
    await expect(other.getByRole("heading", { name: "Orders" })).toBeVisible();
    // The user's API tokens are credentials of their own, revoked on their own.
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);

    const visitor = await visitorPage(browser);
    await signInViaForm(visitor, target);
    await expect(signInAlert(visitor)).toHaveText("Wrong email or password.");
    await signInViaForm(visitor, { email: target.email, password: "brand-new-passphrase" });
    await expect(visitor).toHaveURL(/\/admin$/);
    // A session opened with the new password stays open.
    await visitor.goto("/admin/orders");
    await expect(visitor.getByRole("heading", { name: "Orders" })).toBeVisible();
    for (const open of [...sessions, other, visitor]) await open.context().close();
  });

  test("deactivating ends the user's access on their next page load and stops their tokens; reactivating restores both", async ({ page, browser, request, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const target = await makeUser();
    const { token, tokenId } = await createTestToken(target.id);
    const watcher = await signedInPage(browser, target);
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);

    await signInViaApi(page.request, admin);
    await userPage(page, target);
    const status = section(page, "Account status");
    await status.getByRole("button", { name: "Deactivate user" }).click();
    await expect(status.getByRole("status")).toContainText("User deactivated.");
    await expect(status.getByRole("button", { name: "Reactivate user" })).toBeVisible();
    await expect(page.getByText("deactivated", { exact: true })).toBeVisible();

    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);
    // The token is kept, only refused.
    expect(await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).toMatchObject({ revokedAt: null });
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(401);

    await watcher.goto("/admin/orders");
    await expect(watcher).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Forders$/);
    await signInViaForm(watcher, target, watcher.url());
    await expect(signInAlert(watcher)).toHaveText("This account has been deactivated. Ask an administrator to reactivate it.");

    await status.getByRole("button", { name: "Reactivate user" }).click();
    await expect(status.getByRole("status")).toContainText("User reactivated.");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    // The session they still hold works again, and so does signing in afresh.
    await watcher.goto("/admin/orders");
    await expect(watcher.getByRole("heading", { name: "Orders" })).toBeVisible();
    const fresh = await signedInPage(browser, target);
    await fresh.context().close();
    await watcher.context().close();
  });
});
