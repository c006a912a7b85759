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
