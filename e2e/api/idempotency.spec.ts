import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { testDb } from "../support/db";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

async function writer(makeUser: (spec?: object) => Promise<{ id: string }>) {
  const user = await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["Acme"] });
  const group = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "Acme" } });
  return { user, groupId: group.id, ...(await createTestToken(user.id)) };
}

const customer = () => `Idempotent ${crypto.randomBytes(4).toString("hex")}`;
const ordersOf = (name: string) => testDb().order.count({ where: { customer: name } });

function post(request: APIRequestContext, token: string, data: object, key?: string) {
  return request.post("/api/v1/orders", { headers: { ...bearer(token), ...(key === undefined ? {} : { "Idempotency-Key": key }) }, data });
}

test.describe("Idempotency-Key on order writes", () => {
  test("a retry with the same key and body replays the first answer and creates nothing", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const name = customer();
    const data = { customer: name, totalCents: 1200, visibilityGroupId: groupId };
    const first = await post(request, token, data, "order-1");
    expect(first.status()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const created = await first.json();
    for (let i = 0; i < 2; i++) {
      const retry = await post(request, token, data, "order-1");
      expect(retry.status()).toBe(201);
      expect(retry.headers()["idempotent-replayed"]).toBe("true");
      expect(retry.headers()["x-request-id"]).toBeTruthy();
      expect(await retry.json()).toEqual(created);
    }
    expect(await ordersOf(name)).toBe(1);
    // Without a key, the same request is a new order each time.
    expect((await post(request, token, data)).status()).toBe(201);
    expect((await post(request, token, data)).status()).toBe(201);
    expect(await ordersOf(name)).toBe(3);
  });

  test("the same key with another body, path or method is 422 idempotency_key_reused", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const name = customer();
    expect((await post(request, token, { customer: name, totalCents: 100, visibilityGroupId: groupId }, "k")).status()).toBe(201);
    const other = await post(request, token, { customer: name, totalCents: 999, visibilityGroupId: groupId }, "k");
    expect(other.status()).toBe(422);
    expect((await other.json()).error).toMatchObject({ code: "idempotency_key_reused", requestId: other.headers()["x-request-id"] });
    const order = await testDb().order.findFirstOrThrow({ where: { customer: name } });
    const patch = await request.patch(`/api/v1/orders/${order.id}`, { headers: { ...bearer(token), "Idempotency-Key": "k" }, data: { status: "paid" } });
    expect(patch.status()).toBe(422);
    expect(await ordersOf(name)).toBe(1);
    expect((await testDb().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
  });

  test("keys belong to one token: another token's same key is independent", async ({ request, makeUser }) => {
    const first = await writer(makeUser);
    const second = await createTestToken(first.user.id);
    const name = customer();
    const data = { customer: name, totalCents: 500, visibilityGroupId: first.groupId };
    const a = await post(request, first.token, data, "shared-key");
    const b = await post(request, second.token, data, "shared-key");
    expect(a.status()).toBe(201);
    expect(b.status()).toBe(201);
    expect(b.headers()["idempotent-replayed"]).toBeUndefined();
    expect((await a.json()).id).not.toBe((await b.json()).id);
    expect(await ordersOf(name)).toBe(2);
  });

  test("a key must be 1 to 255 printable characters", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const name = customer();
    const data = { customer: name, totalCents: 1, visibilityGroupId: groupId };
    for (const key of ["x".repeat(256), "tab\there"]) {
      const response = await post(request, token, data, key);
      expect(response.status(), key).toBe(400);
      expect((await response.json()).error.message).toMatch(/^Idempotency-Key:/);
    }
    expect(await ordersOf(name)).toBe(0);
    expect((await post(request, token, data, "k".repeat(255))).status()).toBe(201);
    expect((await post(request, token, data, "~ !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")).status()).toBe(201);
  });

  test("a refused write is replayed as the same 400; the key is not spent on a 403", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const invalid = { customer: "", totalCents: 1, visibilityGroupId: groupId };
    const first = await post(request, token, invalid, "bad-1");
    expect(first.status()).toBe(400);
    const retry = await post(request, token, invalid, "bad-1");
    expect(retry.status()).toBe(400);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    const [firstError, retryError] = [(await first.json()).error, (await retry.json()).error];
    expect(retryError).toEqual({ ...firstError, requestId: retry.headers()["x-request-id"] });

    const reader = await createTestToken((await makeUser({ permissions: ["orders:read"], groups: ["Acme"] })).id);
    expect((await post(request, reader.token, { customer: customer(), totalCents: 1, visibilityGroupId: groupId }, "k")).status()).toBe(403);
    expect(await testDb().idempotencyKey.count({ where: { tokenId: reader.tokenId } })).toBe(0);
  });

  test("a PATCH replayed writes nothing again", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const order = await testDb().order.create({ data: { customer: customer(), totalCents: 10, groupId } });
    const patch = () => request.patch(`/api/v1/orders/${order.id}`, { headers: { ...bearer(token), "Idempotency-Key": "pay-1" }, data: { status: "paid" } });
    const first = await patch();
    expect(first.status()).toBe(200);
    expect((await first.json()).status).toBe("paid");
    await testDb().order.update({ where: { id: order.id }, data: { status: "shipped" } });
    const retry = await patch();
    expect(retry.status()).toBe(200);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    expect((await retry.json()).status).toBe("paid");
    expect((await testDb().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("shipped");
  });

  test("concurrent requests with one key create one order", async ({ request, makeUser }) => {
    const { token, groupId } = await writer(makeUser);
    const name = customer();
    const data = { customer: name, totalCents: 300, visibilityGroupId: groupId };
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(request, token, data, "race-1")));
    const statuses = responses.map((response) => response.status());
    for (const status of statuses) expect([201, 409]).toContain(status);
    const ids = new Set(await Promise.all(responses.filter((r) => r.status() === 201).map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.status() === 201 && !r.headers()["idempotent-replayed"])).toHaveLength(1);
    expect(await ordersOf(name)).toBe(1);
  });

  test("a key older than 24 hours is ignored and replaced", async ({ request, makeUser }) => {
    const { token, tokenId, groupId } = await writer(makeUser);
    await testDb().idempotencyKey.create({
      data: { tokenId, key: "old", fingerprint: "0".repeat(64), status: 201, responseBody: "{}", createdAt: new Date(Date.now() - 25 * 60 * 60_000) },
    });
    const name = customer();
    const response = await post(request, token, { customer: name, totalCents: 1, visibilityGroupId: groupId }, "old");
    expect(response.status()).toBe(201);
    expect(response.headers()["idempotent-replayed"]).toBeUndefined();
    expect(await ordersOf(name)).toBe(1);
    const row = await testDb().idempotencyKey.findUniqueOrThrow({ where: { tokenId_key: { tokenId, key: "old" } } });
    expect(row.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
