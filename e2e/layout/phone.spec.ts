// The pages on a phone (390x844): nothing wider than the screen, navigation behind a menu button, and the
// token flows (generate, copy, revoke, details) usable, in both areas.
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateInUi, newTokenDialog, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "the page must not be wider than the screen").toBeLessThanOrEqual(innerWidth);
}

for (const area of TOKEN_AREAS) {
  test(`the ${area.label} token pages fit a phone`, async ({ page, context, makeUser, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const user = await makeUser(area.user);
    await signInViaApi(page.request, user);
    await page.goto(area.path);
    await expect(page.getByRole("heading", { name: "API Tokens", level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);

    // Navigation is behind the menu button.
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await menu.click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API Tokens" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await expect(page.getByRole("button", { name: "Generate token" })).toBeInViewport();
    const token = await generateInUi(page, "phone integration with a rather long descriptive name");
    const dialog = newTokenDialog(page);
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The whole token is in view: its box shows every character without scrolling.
    const field = dialog.getByLabel("New token");
    await expect(field).toBeInViewport({ ratio: 1 });
    const overflow = await field.evaluate((element) => ({ height: element.scrollHeight - element.clientHeight, width: element.scrollWidth - element.clientWidth }));
    expect(overflow).toEqual({ height: 0, width: 0 });
    await dialog.getByRole("button", { name: "Copy" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    await expectNoSidewaysScroll(page);

    // The row keeps its name, status and actions.
    const row = tokenRow(page, "phone integration with a rather long descriptive name");
    await expect(row.getByRole("link", { name: "phone integration with a rather long descriptive name" })).toBeVisible();
    await expect(row.getByText(/Expires in/)).toBeVisible();
    await expect(row.getByRole("button", { name: /^Delete/ })).toBeVisible();

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("phone integration with a rather long descriptive name");
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: /^Delete/ }).click();
    const revoke = page.getByRole("dialog", { name: "Revoke token" });
    const revokeBox = await revoke.boundingBox();
    expect(revokeBox!.x + revokeBox!.width).toBeLessThanOrEqual(390);
    await revoke.getByRole("button", { name: "Revoke" }).click();
    await expect(revoke).toBeHidden();
    await expect(page.locator("[aria-live=polite][data-toasts]").getByText("Token revoked", { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
}

test("the administration pages fit a phone", async ({ page, makeUser }) => {
  const admin = await makeUser({ area: "staff", permissions: ["users:manage"] });
  await signInViaApi(page.request, admin);
  for (const path of ["/admin", "/admin/users", "/admin/roles", "/admin/groups", "/admin/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
