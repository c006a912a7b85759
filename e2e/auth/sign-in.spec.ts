import { DEMO, expect, signInViaForm, test } from "../support/fixtures";

test.describe("sign-in", () => {
  test("a staff user signs in and lands in the admin panel, then signs out", async ({ page }) => {
    await signInViaForm(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  });

  test("a partner signs in and lands in the partner hub", async ({ page }) => {
    await signInViaForm(page, DEMO.partner);
    await expect(page).toHaveURL(/\/partner$/);
    await expect(page.getByText("Partner hub").first()).toBeVisible();
  });

  test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
    await signInViaForm(page, { email: DEMO.admin.email, password: "wrong-password" });
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/login/);
    await signInViaForm(page, { email: "nobody@example.com", password: "whatever123" });
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  });

  test("an inactive user is told the account is deactivated", async ({ page, makeUser }) => {
    const user = await makeUser({ active: false });
    await signInViaForm(page, user);
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("deactivated");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a partner signing in to the admin panel is told to use the partner hub", async ({ page }) => {
    await page.goto("/admin/orders");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Forders/);
    await signInViaForm(page, DEMO.partner, page.url());
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("partner hub");
    await page.goto("/partner");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a signed-out visitor goes to the page they asked for after signing in", async ({ page }) => {
    await page.goto("/admin/products");
    await signInViaForm(page, DEMO.analyst, page.url());
    await expect(page).toHaveURL(/\/admin\/products$/);
    await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
  });
});
