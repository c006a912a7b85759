import { DEMO, expect, signInViaApi, test } from "../support/fixtures";

test.describe("area guards", () => {
  for (const path of ["/admin", "/admin/orders", "/admin/settings", "/partner", "/partner/orders"]) {
    test(`a signed-out visitor to ${path} is sent to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}$`));
    });
  }

  test("a partner cannot open admin pages", async ({ page }) => {
    await signInViaApi(page.request, DEMO.partner);
    for (const path of ["/admin", "/admin/orders", "/admin/products", "/admin/settings"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/partner$/);
      await expect(page.getByRole("link", { name: "Products" })).toHaveCount(0);
    }
  });

  test("a staff user opening the partner hub is sent to the admin panel", async ({ page }) => {
    await signInViaApi(page.request, DEMO.analyst);
    await page.goto("/partner/orders");
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("the admin panel has a Settings section; the partner hub has none", async ({ page, browser }) => {
    await signInViaApi(page.request, DEMO.analyst);
    await page.goto("/admin");
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/admin\/settings$/);
    const partner = await browser.newPage();
    await signInViaApi(partner.request, DEMO.partner);
    await partner.goto("/partner");
    await expect(partner.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await partner.close();
  });
});
