import { DEMO, expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";

async function groupsShown(page: import("@playwright/test").Page): Promise<string[]> {
  const cells = await page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
  return [...new Set(cells)].sort();
}

test.describe("each demo user sees exactly their groups' records", () => {
  test("the administrator sees orders and products of every group", async ({ page }) => {
    await signInViaApi(page.request, DEMO.admin);
    await page.goto("/admin/orders");
    expect(await groupsShown(page)).toEqual(["APAC", "Acme", "Americas", "EMEA"].sort());
    await page.goto("/admin/products");
    expect(await groupsShown(page)).toEqual(["APAC", "Acme", "Americas", "EMEA"].sort());
  });

  test("the analyst sees EMEA only, orders and products", async ({ page }) => {
    await signInViaApi(page.request, DEMO.analyst);
    await page.goto("/admin/orders");
    expect(await groupsShown(page)).toEqual(["EMEA"]);
    const emeaOrders = await testDb().order.count({ where: { group: { name: "EMEA" } } });
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(emeaOrders);
    await page.goto("/admin/products");
    expect(await groupsShown(page)).toEqual(["EMEA"]);
  });

  test("the partner sees Acme orders only", async ({ page }) => {
    await signInViaApi(page.request, DEMO.partner);
    await page.goto("/partner/orders");
    expect(await groupsShown(page)).toEqual(["Acme"]);
    await expect(page.getByText(/EMEA|Americas|APAC/)).toHaveCount(0);
  });

  test("a user without orders:read is refused the orders page", async ({ page, makeUser }) => {
    const user = await makeUser({ permissions: ["products:read"], groups: ["EMEA"] });
    await signInViaApi(page.request, user);
    await page.goto("/admin/orders");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("orders:read")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.goto("/admin/products");
    expect(await groupsShown(page)).toEqual(["EMEA"]);
  });

  test("a user in no group sees no records", async ({ page, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read"], groups: [] });
    await signInViaApi(page.request, user);
    await page.goto("/admin/orders");
    await expect(page.getByText("No orders in your visibility groups.")).toBeVisible();
  });
});
