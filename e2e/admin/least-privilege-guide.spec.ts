import type { APIRequestContext } from "@playwright/test";
import { administratorSpec, section, setChoice, signedInPage, submitNewUser, unique } from "../support/admin";
import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateAndClose } from "../support/token-pages";
import { bearer } from "../support/tokens";

type OrdersPage = { data: { id: string; visibilityGroup: { id: string; name: string } }[]; nextCursor: string | null };

async function allOrderGroups(request: APIRequestContext, token: string): Promise<{ count: number; groups: string[] }> {
  const groups = new Set<string>();
  let count = 0;
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/v1/orders?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { headers: bearer(token) });
    expect(response.status()).toBe(200);
    const body: OrdersPage = await response.json();
    for (const order of body.data) groups.add(order.visibilityGroup.name);
    count += body.data.length;
    cursor = body.nextCursor;
  } while (cursor);
  return { count, groups: [...groups] };
}

// docs/least-privilege-token.md, followed step by step through the pages it names.
test("a token that can only read orders in EMEA", async ({ page, browser, request, makeUser }) => {
  // Three signed-in browsers and a dozen pages, several of them first compiled here: a minute is not enough on
  // a loaded two-core machine.
  test.setTimeout(180_000);
  const admin = await makeUser(administratorSpec());
  const roleName = unique("Order reader");
  const userName = unique("Warehouse sync");
  const email = `${userName.replaceAll(" ", "-").toLowerCase()}@integrations.test.example`;
  const password = "integration-passphrase";

  // 1. A role with only orders:read.
  await signInViaApi(page.request, admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Roles", exact: true }).click();
  const newRole = section(page, "New role");
  await newRole.getByLabel("Name", { exact: true }).fill(roleName);
  await setChoice(newRole, "Permissions", "orders:read", true);
  await newRole.getByRole("button", { name: "Create role" }).click();
  await expect(newRole.getByRole("status")).toContainText("created");

  // 2. A user of its own for the integration, with that role, in EMEA only.
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await page.getByRole("link", { name: "New user" }).click();
  await submitNewUser(page, { name: userName, email, password, area: "staff", roles: [roleName], groups: ["EMEA"] });
  await expect(page.getByRole("status")).toContainText("User created.");

  // 3. That user signs in and generates the token.
  const integration = await signedInPage(browser, { email, password });
  await integration.goto("/admin/settings/api-tokens");
  const token = await generateAndClose(integration, "warehouse sync");
  await integration.context().close();

  // 4. The token reads orders, only EMEA's, and nothing else.
  const me = await (await request.get("/api/v1/me", { headers: bearer(token) })).json();
  expect(me.permissions).toEqual(["orders:read"]);
  expect(me.visibilityGroups.map((group: { name: string }) => group.name)).toEqual(["EMEA"]);

  const orders = await allOrderGroups(request, token);
  expect(orders.count).toBeGreaterThan(0);
  expect(orders.groups).toEqual(["EMEA"]);

  const emea = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "EMEA" } });
  const products = await request.get("/api/v1/products", { headers: bearer(token) });
  const write = await request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "x", totalCents: 1, visibilityGroupId: emea.id } });
  for (const refused of [products, write]) {
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: expect.any(String), requestId: expect.any(String) } });
  }
  expect(await testDb().order.count({ where: { customer: "x", totalCents: 1 } })).toBe(0);

  // 5. Deactivating the integration's user stops the token on its next request.
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  await page.goto(`/admin/users/${user.id}`);
  await section(page, "Account status").getByRole("button", { name: "Deactivate user" }).click();
  await expect(section(page, "Account status").getByRole("status")).toContainText("User deactivated.");
  const after = await request.get("/api/v1/orders", { headers: bearer(token) });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("unauthorized");
});

// The same guide, as the app serves it: rendered from docs/least-privilege-token.md, not shown as source.
test("the guide is served as a page: headings, lists, code and links render, within the CSP", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto("/guides/least-privilege-token");
  expect(response?.status()).toBe(200);
  const guide = page.locator("article");

  await expect(guide.getByRole("heading", { level: 1 })).toHaveText("A token that can only read orders in EMEA");
  await expect(guide.getByRole("heading", { level: 2 })).toHaveText([
    "1. A role with only orders:read",
    "2. A user for the integration",
    "3. The token",
    "4. Check what it can do",
    "Changing or stopping it later",
  ]);
  // Inline code and bold inside a heading and a list item.
  await expect(guide.getByRole("heading", { level: 2 }).first().locator("code")).toHaveText("orders:read");

  // Each step is an ordered list; a wrapped item stays one item; the closing notes are a bulleted list.
  const steps = guide.locator("ol");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(1).getByRole("listitem")).toHaveCount(5);
  await expect(steps.nth(1).getByRole("listitem").nth(1)).toContainText("an Initial password of at least 10 characters");
  await expect(steps.nth(0).getByRole("listitem").first().locator("strong")).toHaveText("Roles");
  await expect(guide.locator("ul").getByRole("listitem")).toHaveCount(3);

  // The fenced block is one code block, kept verbatim.
  const code = guide.locator("pre > code");
  await expect(code).toHaveCount(1);
  expect(await code.textContent()).toContain('curl -s -H "Authorization: Bearer $TOKEN" http://localhost:3000/api/v1/me\n');

  const link = guide.getByRole("link", { name: "OpenAPI document" });
  await expect(link).toHaveAttribute("href", "/api/v1/openapi.json");
  await link.click();
  await expect(page).toHaveURL(/\/api\/v1\/openapi\.json$/);

  // Nothing of the Markdown source is left showing.
  await page.goBack();
  expect((await guide.locator("h1, h2, p, li").allInnerTexts()).join("\n")).not.toMatch(/^#|\*\*|`/m);
  expect(refused).toEqual([]);
});
