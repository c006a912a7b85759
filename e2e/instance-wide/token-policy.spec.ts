import { administratorSpec } from "../support/admin";
import { DEMO, expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { generateDialog, newTokenDialog, TOKEN_AREAS, GENERATE_FORM_FIELDS } from "../support/token-pages";

// The administrator's cap applies to every user of the instance, so these tests would change what tests
// running beside them see: playwright.config.ts runs this folder on its own, after every other test.

const DAY = 24 * 60 * 60 * 1000;

function dayValue(date: Date): string {
  return date.toISOString().slice(0, 10);
}

test.describe("the administrator's cap on token lifetimes", () => {
  test.afterEach(async () => {
    await testDb().setting.deleteMany({ where: { key: "tokens.maxLifetimeDays" } });
  });

  test("limits every user's choices, in the dialog and on the server, with a clear message", async ({ page, browser, makeUser }) => {
    // The demo administrator sets the cap in Settings.
    await signInViaApi(page.request, DEMO.admin);
    await page.goto("/admin/settings");
    const policy = page.getByRole("form", { name: "Token policy" });
    await policy.getByLabel("Maximum token lifetime").selectOption({ label: "90 days" });
    await policy.getByRole("button", { name: "Save policy" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved. New tokens can last at most 90 days. Existing tokens keep their expiry.");

    const partner = await makeUser(TOKEN_AREAS[1].user);
    const context = await browser.newContext();
    const partnerPage = await context.newPage();
    await signInViaApi(partnerPage.request, partner);
    await partnerPage.goto(TOKEN_AREAS[1].path);
    await partnerPage.getByRole("button", { name: "Generate token" }).click();
    const dialog = generateDialog(partnerPage);
    await expect(dialog.getByRole("option", { name: "No expiration (over the limit)" })).toBeDisabled();
    await expect(dialog.getByRole("option", { name: "90 days", exact: true })).toBeEnabled();
    await expect(dialog).toContainText("An administrator limits tokens to 90 days.");

    await dialog.getByLabel("Name", { exact: true }).fill("long lived");
    await dialog.getByLabel("Expiration").selectOption({ label: "Custom date…" });
    await dialog.getByLabel("Expiry date").fill(dayValue(new Date(Date.now() + 120 * DAY)));
    await dialog.getByRole("button", { name: "Generate token" }).click();
    await expect(dialog.getByRole("alert").first()).toHaveText("An administrator limits tokens to 90 days. Choose an expiry within 90 days.");

    // The server holds the cap whatever the browser sends: replay a valid request asking for no expiry.
    await dialog.getByLabel("Expiration").selectOption({ label: "90 days" });
    const action = await captureServerAction(partnerPage, () => dialog.getByRole("button", { name: "Generate token" }).click(), { fields: GENERATE_FORM_FIELDS });
    await expect(newTokenDialog(partnerPage)).toBeVisible();
    const noExpiry = action.body.replace(/(name="[^"]*expiry"\r\n\r\n)90\r\n/, "$1none\r\n");
    expect(noExpiry).not.toBe(action.body);
    const forged = await replayServerAction(partnerPage.request, action, noExpiry);
    expect(await forged.text()).toContain("An administrator limits tokens to 90 days. Choose an expiry within 90 days.");
    const rows = await testDb().apiToken.findMany({ where: { userId: partner.id }, select: { expiresAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].expiresAt).not.toBeNull();
    await context.close();

    // Lifting the cap brings "No expiration" back.
    await policy.getByLabel("Maximum token lifetime").selectOption({ label: "No limit" });
    await policy.getByRole("button", { name: "Save policy" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved. New tokens may last any time, or never expire.");
  });

  test("the saved policy stays selected, so saving again keeps it", async ({ page }) => {
    await signInViaApi(page.request, DEMO.admin);
    await page.goto("/admin/settings");
    const policy = page.getByRole("form", { name: "Token policy" });
    const field = policy.getByLabel("Maximum token lifetime");
    await field.selectOption({ label: "90 days" });
    await policy.getByRole("button", { name: "Save policy" }).click();
    await expect(policy.getByRole("status")).toHaveText(/at most 90 days/);
    await expect(field).toHaveValue("90");
    // Saving again without touching the select must not undo the policy.
    const saved = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/admin/settings");
    await policy.getByRole("button", { name: "Save policy" }).click();
    await saved;
    await expect(policy.getByRole("button", { name: "Save policy" })).toBeEnabled();
    await expect(policy.getByRole("status")).toHaveText(/at most 90 days/);
    await expect(field).toHaveValue("90");
    const stored = await testDb().setting.findUnique({ where: { key: "tokens.maxLifetimeDays" } });
    expect(stored?.value).toBe("90");
    await page.reload();
    await expect(page.getByRole("form", { name: "Token policy" }).getByLabel("Maximum token lifetime")).toHaveValue("90");
  });

  test("only users:manage may change the policy", async ({ page, makeUser }) => {
    const analyst = await makeUser({ permissions: ["orders:read", "products:read"] });
    await signInViaApi(page.request, DEMO.admin);
    await page.goto("/admin/settings");
    const policy = page.getByRole("form", { name: "Token policy" });
    await policy.getByLabel("Maximum token lifetime").selectOption({ label: "7 days" });
    const action = await captureServerAction(page, () => policy.getByRole("button", { name: "Save policy" }).click());
    await expect(policy.getByRole("status")).toContainText("at most 7 days");
    await testDb().setting.deleteMany({ where: { key: "tokens.maxLifetimeDays" } });

    // The analyst's settings page has no policy form, and replaying the action with their session fails.
    const analystContext = await page.context().browser()!.newContext();
    const analystPage = await analystContext.newPage();
    await signInViaApi(analystPage.request, analyst);
    await analystPage.goto("/admin/settings");
    await expect(analystPage.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(analystPage.getByRole("form", { name: "Token policy" })).toHaveCount(0);
    const forged = await replayServerAction(analystPage.request, action, action.body);
    const answer = await forged.text();
    expect(answer).toContain("You do not have permission to manage users, roles or visibility groups.");
    expect(answer).not.toContain("at most 7 days");
    expect(await testDb().setting.count({ where: { key: "tokens.maxLifetimeDays" } })).toBe(0);
    await analystContext.close();
  });

  // Sudo mode: changing the policy needs the password typed within the last 15 minutes.
  test("16 minutes after sign-in, saving the policy asks for the password; a wrong one changes nothing; the right one saves the choice", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    await signInViaApi(page.request, admin);
    await testDb().userSession.updateMany({ where: { userId: admin.id }, data: { confirmedAt: new Date(Date.now() - 16 * 60 * 1000) } });
    await page.goto("/admin/settings");
    const policy = page.getByRole("form", { name: "Token policy" });
    await policy.getByLabel("Maximum token lifetime").selectOption({ label: "90 days" });
    await policy.getByRole("button", { name: "Save policy" }).click();

    const confirm = page.getByRole("dialog", { name: "Confirm your password" });
    await expect(confirm.getByLabel("Password")).toBeFocused();
    expect(await testDb().setting.findUnique({ where: { key: "tokens.maxLifetimeDays" } })).toBeNull();
    await confirm.getByLabel("Password").fill("not-my-password");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("Wrong password.");
    expect(await testDb().setting.findUnique({ where: { key: "tokens.maxLifetimeDays" } })).toBeNull();

    await confirm.getByLabel("Password").fill(admin.password);
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved. New tokens can last at most 90 days. Existing tokens keep their expiry.");
    expect((await testDb().setting.findUniqueOrThrow({ where: { key: "tokens.maxLifetimeDays" } })).value).toBe("90");
  });
});
