import { testDb } from "../support/db";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

// A token carries its owner's access as it is now: changes apply on the very next request.
test.describe("changes to the owner apply on the next request", () => {
  test("removing a role removes the permission", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read"], groups: ["EMEA"] });
    const { token } = await createTestToken(user.id);
    expect((await request.get("/api/v1/orders", { headers: bearer(token) })).status()).toBe(200);
    await testDb().userRole.deleteMany({ where: { userId: user.id } });
    const response = await request.get("/api/v1/orders", { headers: bearer(token) });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String), requestId: expect.any(String) } });
    expect((await (await request.get("/api/v1/me", { headers: bearer(token) })).json()).permissions).toEqual([]);
  });

  test("removing a visibility group hides its records", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read"], groups: ["EMEA", "APAC"] });
    const { token } = await createTestToken(user.id);
    const groupsOf = async () => {
      const body = await (await request.get("/api/v1/orders?limit=100", { headers: bearer(token) })).json();
      return [...new Set(body.data.map((o: { visibilityGroup: { name: string } }) => o.visibilityGroup.name))].sort();
    };
    expect(await groupsOf()).toEqual(["APAC", "EMEA"]);
    const apacOrder = await testDb().order.findFirstOrThrow({ where: { group: { name: "APAC" } } });
    expect((await request.get(`/api/v1/orders/${apacOrder.id}`, { headers: bearer(token) })).status()).toBe(200);
    const apac = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "APAC" } });
    await testDb().userGroup.delete({ where: { userId_groupId: { userId: user.id, groupId: apac.id } } });
    expect(await groupsOf()).toEqual(["EMEA"]);
    expect((await request.get(`/api/v1/orders/${apacOrder.id}`, { headers: bearer(token) })).status()).toBe(404);
  });

  test("deactivating the owner stops the token at once; reactivating restores it", async ({ request, makeUser }) => {
    const user = await makeUser();
    const { token } = await createTestToken(user.id);
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    await testDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(401);
    await testDb().user.update({ where: { id: user.id }, data: { active: true } });
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
  });

  test("revoking stops the token on its next request", async ({ request, makeUser }) => {
    const user = await makeUser();
    const { token, tokenId } = await createTestToken(user.id);
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    await testDb().apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date(), revokedReason: "owner" } });
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(401);
  });
});

test.describe("last used", () => {
  test("moves from never to the time of use, and is not rewritten within the minute", async ({ request, makeUser }) => {
    const user = await makeUser();
    const { token, tokenId } = await createTestToken(user.id);
    const lastUsed = async () => (await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    await expect.poll(lastUsed).not.toBeNull();
    const first = (await lastUsed())!;
    expect(first.getTime()).toBeGreaterThanOrEqual(before - 1000);
    for (let i = 0; i < 5; i++) expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await lastUsed())!.getTime()).toBe(first.getTime());
    // Once the stamp is more than a minute old, the next use writes it again.
    const old = new Date(Date.now() - 2 * 60_000);
    await testDb().apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: old } });
    expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
    await expect.poll(async () => (await lastUsed())!.getTime()).toBeGreaterThan(old.getTime() + 60_000);
  });

  test("failed requests do not stamp", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: [] });
    const { tokenId } = await createTestToken(user.id, { revoked: true });
    await request.get("/api/v1/me", { headers: bearer("pat_" + tokenId + "_x") });
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toBeNull();
  });
});
