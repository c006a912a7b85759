import type { APIResponse } from "@playwright/test";
import { testDb } from "../support/db";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

async function groupId(name: string) {
  return (await testDb().visibilityGroup.findUniqueOrThrow({ where: { name } })).id;
}

test.describe("orders", () => {
  test("list is paged and holds only the owner's groups; every item names its group", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read"], groups: ["EMEA", "Acme"] });
    const { token } = await createTestToken(user.id);
    const expected = await testDb().order.count({ where: { group: { name: { in: ["EMEA", "Acme"] } } } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: APIResponse = await request.get(`/api/v1/orders?limit=5${cursor ? `&cursor=${cursor}` : ""}`, { headers: bearer(token) });
      expect(response.status()).toBe(200);
      const body: { data: { id: string; visibilityGroup: { id: string; name: string } }[]; nextCursor: string | null } = await response.json();
      expect(body.data.length).toBeLessThanOrEqual(5);
      for (const order of body.data) {
        expect(["EMEA", "Acme"]).toContain(order.visibilityGroup.name);
        expect(order.visibilityGroup).toEqual({ id: expect.any(String), name: expect.any(String) });
        seen.push(order.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  test("bad paging input is a 400 naming the field", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read"] })).id);
    for (const query of ["limit=0", "limit=101", "limit=abc", "limit=1.5", "cursor=%27%3B--"]) {
      const response = await request.get(`/api/v1/orders?${query}`, { headers: bearer(token) });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toMatch(/^(limit|cursor):/);
    }
  });

  test("a record outside the owner's groups is 404, the same as one that does not exist", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["EMEA"] })).id);
    const apacOrder = await testDb().order.findFirstOrThrow({ where: { group: { name: "APAC" } } });
    const emeaOrder = await testDb().order.findFirstOrThrow({ where: { group: { name: "EMEA" } } });
    const hidden = await request.get(`/api/v1/orders/${apacOrder.id}`, { headers: bearer(token) });
    const missing = await request.get(`/api/v1/orders/doesnotexist000`, { headers: bearer(token) });
    expect(hidden.status()).toBe(404);
    expect(missing.status()).toBe(404);
    // The same answer apart from each request's own ID.
    const withoutRequestId = async (response: APIResponse) => {
      const { error } = await response.json();
      expect(error.requestId).toBe(response.headers()["x-request-id"]);
      return { ...error, requestId: undefined };
    };
    expect(await withoutRequestId(hidden)).toEqual(await withoutRequestId(missing));
    expect(await hidden.json()).toEqual({ error: { code: "not_found", message: expect.any(String), requestId: expect.any(String) } });
    const visible = await request.get(`/api/v1/orders/${emeaOrder.id}`, { headers: bearer(token) });
    expect(visible.status()).toBe(200);
    expect((await visible.json()).visibilityGroup.name).toBe("EMEA");
    const patchHidden = await request.patch(`/api/v1/orders/${apacOrder.id}`, { headers: bearer(token), data: { status: "cancelled" } });
    expect(patchHidden.status()).toBe(404);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: apacOrder.id } })).status).toBe(apacOrder.status);
  });

  test("create and update need orders:write; reads alone get 403", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read"], groups: ["EMEA"] })).id);
    const emea = await groupId("EMEA");
    const create = await request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "Nope", totalCents: 100, visibilityGroupId: emea } });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.code).toBe("forbidden");
    const order = await testDb().order.findFirstOrThrow({ where: { groupId: emea } });
    expect((await request.patch(`/api/v1/orders/${order.id}`, { headers: bearer(token), data: { status: "paid" } })).status()).toBe(403);
    expect(await testDb().order.count({ where: { customer: "Nope" } })).toBe(0);
  });

  test("a writer creates an order in its group and changes its status", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["Acme"] })).id);
    const acme = await groupId("Acme");
    const created = await request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "Api Customer", totalCents: 4200, currency: "USD", visibilityGroupId: acme } });
    expect(created.status()).toBe(201);
    const order = await created.json();
    expect(order).toMatchObject({ customer: "Api Customer", totalCents: 4200, currency: "USD", status: "pending", visibilityGroup: { id: acme, name: "Acme" } });
    const updated = await request.patch(`/api/v1/orders/${order.id}`, { headers: bearer(token), data: { status: "shipped" } });
    expect(updated.status()).toBe(200);
    expect((await updated.json()).status).toBe("shipped");
    expect((await testDb().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("shipped");
  });

  test("a writer cannot place an order in a group it is not in", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["Acme"] })).id);
    const response = await request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "Sneaky", totalCents: 1, visibilityGroupId: await groupId("EMEA") } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_request", message: expect.stringMatching(/^visibilityGroupId:/), requestId: expect.any(String) } });
    expect(await testDb().order.count({ where: { customer: "Sneaky" } })).toBe(0);
  });

  test("bad bodies are a 400 naming the field", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["Acme"] })).id);
    const acme = await groupId("Acme");
    const cases: [unknown, RegExp][] = [
      [{ totalCents: 1, visibilityGroupId: acme }, /^customer:/],
      [{ customer: " ", totalCents: 1, visibilityGroupId: acme }, /^customer:/],
      [{ customer: "x", totalCents: -1, visibilityGroupId: acme }, /^totalCents:/],
      [{ customer: "x", totalCents: "12", visibilityGroupId: acme }, /^totalCents:/],
      [{ customer: "x", totalCents: 1, currency: "euro", visibilityGroupId: acme }, /^currency:/],
      [{ customer: "x", totalCents: 1 }, /^visibilityGroupId:/],
      [{ customer: "x", totalCents: 1, visibilityGroupId: acme, status: "paid" }, /status|Unrecognized/i],
      [[1, 2], /^body:/],
    ];
    for (const [data, message] of cases) {
      const response = await request.post("/api/v1/orders", { headers: bearer(token), data });
      expect(response.status(), JSON.stringify(data)).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toMatch(message);
    }
    const notJson = await request.post("/api/v1/orders", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: "{nope" });
    expect(notJson.status()).toBe(400);
    const order = await testDb().order.findFirstOrThrow({ where: { groupId: acme } });
    const badStatus = await request.patch(`/api/v1/orders/${order.id}`, { headers: bearer(token), data: { status: "lost" } });
    expect(badStatus.status()).toBe(400);
    expect((await badStatus.json()).error.message).toMatch(/^status:/);
  });
});

test.describe("products", () => {
  test("list and get follow visibility; products:read is required", async ({ request, makeUser }) => {
    const reader = await createTestToken((await makeUser({ permissions: ["products:read"], groups: ["APAC"] })).id);
    const list = await (await request.get("/api/v1/products", { headers: bearer(reader.token) })).json();
    expect(list.data.length).toBeGreaterThan(0);
    for (const product of list.data) expect(product.visibilityGroup.name).toBe("APAC");
    expect(list.nextCursor).toBeNull();
    const apac = list.data[0];
    expect((await request.get(`/api/v1/products/${apac.id}`, { headers: bearer(reader.token) })).status()).toBe(200);
    const emeaProduct = await testDb().product.findFirstOrThrow({ where: { group: { name: "EMEA" } } });
    expect((await request.get(`/api/v1/products/${emeaProduct.id}`, { headers: bearer(reader.token) })).status()).toBe(404);

    const ordersOnly = await createTestToken((await makeUser({ permissions: ["orders:read"], groups: ["APAC"] })).id);
    const denied = await request.get("/api/v1/products", { headers: bearer(ordersOnly.token) });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ error: { code: "forbidden", message: expect.any(String), requestId: expect.any(String) } });
    expect((await request.get(`/api/v1/products/${apac.id}`, { headers: bearer(ordersOnly.token) })).status()).toBe(403);
  });
});

test.describe("errors", () => {
  test("unknown API paths and methods answer JSON, never HTML or a stack trace", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id);
    const unknownPath = await request.get("/api/v1/nothing-here", { headers: bearer(token) });
    expect(unknownPath.status()).toBe(404);
    expect(await unknownPath.json()).toEqual({ error: { code: "not_found", message: expect.any(String), requestId: expect.any(String) } });
    const anonymousUnknown = await request.get("/api/v1/nothing-here");
    expect(anonymousUnknown.status()).toBe(401);
    const wrongMethod = await request.delete("/api/v1/orders", { headers: bearer(token) });
    expect(wrongMethod.status()).toBe(405);
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
  });
});
