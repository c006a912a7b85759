// axe-core over every page and dialog a token owner meets, in both areas: no violations allowed.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateInUi, newTokenDialog, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { administratorSpec } from "../support/admin";

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoViolations(page, "the sign-in page");
});

for (const area of TOKEN_AREAS) {
  test(`the ${area.label} token page, its dialogs and the details view`, async ({ page, makeUser }) => {
    const user = await makeUser(area.user);
    await signInViaApi(page.request, user);
    await page.goto(area.path);
    await expect(page.getByRole("heading", { name: "API Tokens", level: 1 })).toBeVisible();
    await expectNoViolations(page, "the empty token page");

    await page.getByRole("button", { name: "Generate token" }).click();
    await expect(page.getByRole("dialog", { name: "Generate token" })).toBeVisible();
    await expectNoViolations(page, "the generate dialog");
    await page.keyboard.press("Escape");

    await generateInUi(page, "axe check");
    await expectNoViolations(page, "the shown-once panel");
    await newTokenDialog(page).getByRole("button", { name: "Copy" }).click();
    await newTokenDialog(page).getByRole("button", { name: "Done" }).click();
    await expect(newTokenDialog(page)).toBeHidden();
    await expectNoViolations(page, "the token page with rows");

    await tokenRow(page, "axe check").getByRole("button", { name: /^Delete/ }).click();
    await expect(page.getByRole("dialog", { name: "Revoke token" })).toBeVisible();
    await expectNoViolations(page, "the revoke dialog");
    await page.keyboard.press("Escape");

    await tokenRow(page, "axe check").getByRole("button", { name: /^Regenerate/ }).click();
    await expect(page.getByRole("dialog", { name: "Regenerate token" })).toBeVisible();
    await expectNoViolations(page, "the regenerate dialog");
    await page.keyboard.press("Escape");

    await tokenRow(page, "axe check").getByRole("link", { name: "axe check" }).click();
    await expect(page.getByRole("heading", { name: "axe check", level: 1 })).toBeVisible();
    await expectNoViolations(page, "the details view");
  });
}

test("the administration pages", async ({ page, makeUser }) => {
  const admin = await makeUser(administratorSpec());
  await signInViaApi(page.request, admin);
  for (const path of ["/admin/users", "/admin/users/new", "/admin/roles", "/admin/groups", "/admin/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, path);
  }
});
