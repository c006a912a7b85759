import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { bearer, createTestToken } from "../support/tokens";
import { generateDialog, namesShown, newTokenDialog, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { parseToken } from "../../lib/tokens/server/format";
import type { Page } from "@playwright/test";

const DAY = 24 * 60 * 60 * 1000;

/** Generates a token with the given expiry choice through the dialog; returns the token shown once. */
async function generateWithExpiry(page: Page, name: string, choice: string, customDay?: string): Promise<string> {
  await page.getByRole("button", { name: "Generate token" }).click();
  const dialog = generateDialog(page);
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Expiration").selectOption({ label: choice });
  if (customDay) await dialog.getByLabel("Expiry date").fill(customDay);
  await dialog.getByRole("button", { name: "Generate token" }).click();
  const shown = newTokenDialog(page);
  await expect(shown).toBeVisible();
  const token = await shown.getByLabel("New token").inputValue();
  await shown.getByRole("button", { name: "Copy" }).click();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  return token;
}

function expiresCell(page: Page, name: string) {
  return tokenRow(page, name).getByRole("cell").nth(4);
}

function dayValue(date: Date): string {
  return date.toISOString().slice(0, 10);
}

for (const area of TOKEN_AREAS) {
  test.describe(`token expiry in the ${area.label}`, () => {
    test("offers 30 days by default and shows each choice in the list", async ({ page, makeUser, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      await page.getByRole("button", { name: "Generate token" }).click();
      await expect(generateDialog(page).getByLabel("Expiration")).toHaveValue("30");
      await expect(generateDialog(page)).toContainText("The token will expire on");
      await generateDialog(page).getByRole("button", { name: "Cancel" }).click();

      const started = Date.now();
      for (const days of [7, 30, 60, 90]) await generateWithExpiry(page, `${days}-day token`, `${days} days`);
      const never = await generateWithExpiry(page, "no expiry token", "No expiration");
      const customDay = dayValue(new Date(Date.now() + 200 * DAY));
      await generateWithExpiry(page, "custom token", "Custom date…", customDay);

      await page.reload();
      for (const days of [7, 30, 60, 90]) await expect(expiresCell(page, `${days}-day token`)).toHaveText(`Expires in ${days} days`);
      await expect(expiresCell(page, "7-day token").locator(".badge-warn")).toHaveCount(1);
      await expect(expiresCell(page, "30-day token").locator(".badge-warn")).toHaveCount(0);
      await expect(expiresCell(page, "no expiry token")).toHaveText("Never expires");
      await expect(expiresCell(page, "custom token")).toHaveText(/^Expires in (200|201) days$/);

      // What was stored matches the choice.
      const rows = await testDb().apiToken.findMany({ where: { userId: user.id }, select: { name: true, expiresAt: true } });
      const stored = Object.fromEntries(rows.map((row) => [row.name, row.expiresAt]));
      for (const days of [7, 30, 60, 90]) {
        const expected = started + days * DAY;
        expect(Math.abs(stored[`${days}-day token`]!.getTime() - expected)).toBeLessThan(120_000);
      }
      expect(stored["no expiry token"]).toBeNull();
      expect(stored["custom token"]!.toISOString()).toBe(new Date(Date.parse(`${customDay}T00:00:00Z`) + DAY).toISOString());

      const me = await page.request.get("/api/v1/me", { headers: bearer(never) });
      expect(me.status()).toBe(200);
    });

    test("keeps the chosen expiry across a refused submission, in the select, the hint and what is saved", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await page.getByRole("button", { name: "Generate token" }).click();
      const dialog = generateDialog(page);
      await dialog.getByLabel("Expiration").selectOption({ label: "90 days" });
      const hint = await dialog.getByText("The token will expire on").textContent();
      // No name: refused, and the form comes back.
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(dialog.getByRole("alert").first()).toBeVisible();
      await expect(dialog.getByLabel("Expiration")).toHaveValue("90");
      await expect(dialog.getByText("The token will expire on")).toHaveText(hint!);
      await dialog.getByLabel("Name", { exact: true }).fill("ninety days after a mistake");
      const started = Date.now();
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(newTokenDialog(page)).toBeVisible();
      const row = await testDb().apiToken.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } });
      expect(Math.abs(row.expiresAt!.getTime() - (started + 90 * DAY))).toBeLessThan(120_000);

      // The same for a custom date refused for its name.
      await newTokenDialog(page).getByRole("button", { name: "Copy" }).click();
      await newTokenDialog(page).getByRole("button", { name: "Done" }).click();
      await page.getByRole("button", { name: "Generate token" }).click();
      const customDay = dayValue(new Date(Date.now() + 45 * DAY));
      await dialog.getByLabel("Expiration").selectOption({ label: "Custom date…" });
      await dialog.getByLabel("Expiry date").fill(customDay);
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(dialog.getByRole("alert").first()).toBeVisible();
      await expect(dialog.getByLabel("Expiration")).toHaveValue("custom");
      await expect(dialog.getByLabel("Expiry date")).toHaveValue(customDay);
      await dialog.getByLabel("Name", { exact: true }).fill("custom after a mistake");
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(newTokenDialog(page)).toBeVisible();
      const custom = await testDb().apiToken.findFirstOrThrow({ where: { userId: user.id, name: "custom after a mistake" }, select: { expiresAt: true } });
      expect(custom.expiresAt!.toISOString()).toBe(new Date(Date.parse(`${customDay}T00:00:00Z`) + DAY).toISOString());
    });

    test("refuses a custom date in the past or more than a year ahead, with a message on the field", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await page.getByRole("button", { name: "Generate token" }).click();
      const dialog = generateDialog(page);
      await dialog.getByLabel("Name", { exact: true }).fill("too far");
      await dialog.getByLabel("Expiration").selectOption({ label: "Custom date…" });
      await dialog.getByLabel("Expiry date").fill(dayValue(new Date(Date.now() + 400 * DAY)));
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(dialog.getByRole("alert").first()).toHaveText("The expiry date can be at most 365 days ahead.");
      await expect(dialog.getByLabel("Name", { exact: true })).toHaveValue("too far");

      await dialog.getByLabel("Expiry date").fill(dayValue(new Date(Date.now() - DAY)));
      await dialog.getByRole("button", { name: "Generate token" }).click();
      await expect(dialog.getByRole("alert").first()).toHaveText("The expiry date must be after today.");
      expect(await testDb().apiToken.count({ where: { userId: user.id } })).toBe(0);
    });

    test("flags expiring and expired tokens and filters the list by status", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      const now = Date.now();
      await createTestToken(user.id, { name: "forever" });
      await createTestToken(user.id, { name: "next month", expiresAt: new Date(now + 30 * DAY) });
      await createTestToken(user.id, { name: "in three days", expiresAt: new Date(now + 3 * DAY + 3_600_000) });
      await createTestToken(user.id, { name: "gone stale", expiresAt: new Date(now - 2 * DAY) });
      await createTestToken(user.id, { name: "revoked one", revoked: true });
      const { tokenId: oldId } = await createTestToken(user.id, { name: "forgotten" });
      await testDb().apiToken.update({ where: { id: oldId }, data: { createdAt: new Date(now - 120 * DAY), lastUsedAt: new Date(now - 100 * DAY) } });

      await signInViaApi(page.request, user);
      await page.goto(area.path);
      expect((await namesShown(page)).sort()).toEqual(["forever", "forgotten", "gone stale", "in three days", "next month"]);
      await expect(expiresCell(page, "in three days")).toHaveText("Expires in 3 days");
      await expect(expiresCell(page, "in three days").locator(".badge-warn")).toHaveCount(1);
      await expect(expiresCell(page, "gone stale")).toHaveText("Expired");
      await expect(expiresCell(page, "forever")).toHaveText("Never expires");
      await expect(tokenRow(page, "forgotten").getByRole("cell").nth(3)).toContainText("Unused");
      await expect(tokenRow(page, "forever").getByRole("cell").nth(3)).not.toContainText("Unused");

      const tabs = page.getByRole("navigation", { name: "Token status" });
      const expectations: [string, string, string[]][] = [
        ["Active", "active", ["forever", "forgotten", "in three days", "next month"]],
        ["Expiring soon", "expiring", ["in three days"]],
        ["Expired", "expired", ["gone stale"]],
        ["Unused", "unused", ["forgotten"]],
        ["Revoked", "revoked", ["revoked one"]],
      ];
      for (const [label, value, names] of expectations) {
        await tabs.getByRole("link", { name: label, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`\\?status=${value}$`));
        await expect(tabs.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
        await expect.poll(async () => (await namesShown(page)).sort()).toEqual(names.sort());
      }
      // A revoked token offers no actions.
      await expect(tokenRow(page, "revoked one").getByRole("button")).toHaveCount(0);
      await expect(tokenRow(page, "revoked one").getByRole("cell").nth(4)).toHaveText("Revoked");

      // The status and the name filter combine, both in the URL.
      await page.getByLabel("Filter by name").fill("three");
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await expect(page).toHaveURL(/\?q=three&status=revoked$/);
      await expect(page.getByRole("status")).toHaveText("No revoked tokens match “three”.");
      await tabs.getByRole("link", { name: "Expiring soon" }).click();
      await expect(page).toHaveURL(/\?q=three&status=expiring$/);
      expect(await namesShown(page)).toEqual(["in three days"]);
    });
  });
}

test("a token created with an expiry in the past is refused by the API like any invalid token", async ({ request, makeUser }) => {
  const user = await makeUser();
  const { token } = await createTestToken(user.id, { expiresAt: new Date(Date.now() - 1000) });
  const response = await request.get("/api/v1/me", { headers: bearer(token) });
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "A valid API token is required.", requestId: expect.any(String) } });
  expect(parseToken(token)).not.toBeNull();
});
