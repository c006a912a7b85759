// The token page with the keyboard alone: generate, copy, close, revoke; after every dialog focus is back
// on the control that opened it, or on the main content when that control is gone.
import { expect, signInViaApi, test } from "../support/fixtures";
import { TOKEN_AREAS, tokenRow } from "../support/token-pages";
import type { Locator, Page } from "@playwright/test";

/** The polite live region the outcomes are announced in. */
function toasts(page: Page): Locator {
  return page.locator("[aria-live=polite][data-toasts]");
}

/** Presses Tab until the target has focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

for (const area of TOKEN_AREAS) {
  test(`the ${area.label} token page works from the keyboard alone`, async ({ page, context, makeUser, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const user = await makeUser(area.user);
    await signInViaApi(page.request, user);
    await page.goto(area.path);

    // The skip link comes first and leads to the main content.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main-content")).toBeFocused();

    const generate = page.getByRole("button", { name: "Generate token" });
    await tabTo(page, generate);
    await page.keyboard.press("Enter");
    const form = page.getByRole("dialog", { name: "Generate token" });
    await expect(form.getByLabel("Name", { exact: true })).toBeFocused();

    // Escape closes the form and puts focus back on its opener.
    await page.keyboard.press("Escape");
    await expect(form).toBeHidden();
    await expect(generate).toBeFocused();

    // A refused submission moves focus to the field to fix.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("alert").first()).toBeVisible();
    await expect(form.getByLabel("Name", { exact: true })).toBeFocused();
    await page.keyboard.type("keyboard only");
    await page.keyboard.press("Enter");

    const shown = page.getByRole("dialog", { name: "Copy your new token" });
    await expect(shown).toBeVisible();
    await expect(toasts(page).getByText("Token generated", { exact: true })).toBeVisible();
    const token = await shown.getByLabel("New token").inputValue();
    await tabTo(page, shown.getByRole("button", { name: "Copy" }));
    await page.keyboard.press("Enter");
    await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await tabTo(page, shown.getByRole("button", { name: "Done" }));
    await page.keyboard.press("Enter");
    await expect(shown).toBeHidden();
    await expect(generate).toBeFocused();

    // Cancel on the revoke dialog returns to the row's Delete.
    const remove = tokenRow(page, "keyboard only").getByRole("button", { name: "Delete keyboard only" });
    await tabTo(page, remove);
    await page.keyboard.press("Enter");
    const revoke = page.getByRole("dialog", { name: "Revoke token" });
    await expect(revoke).toBeVisible();
    await tabTo(page, revoke.getByRole("button", { name: "Cancel" }));
    await page.keyboard.press("Enter");
    await expect(revoke).toBeHidden();
    await expect(remove).toBeFocused();

    // Revoking removes the row: focus goes to the main content, and the outcome is announced.
    await page.keyboard.press("Enter");
    await tabTo(page, revoke.getByRole("button", { name: "Revoke" }));
    await page.keyboard.press("Enter");
    await expect(revoke).toBeHidden();
    await expect(toasts(page).getByText("Token revoked", { exact: true })).toBeVisible();
    await expect(tokenRow(page, "keyboard only")).toHaveCount(0);
    await expect(page.locator("#main-content")).toBeFocused();
  });
}
