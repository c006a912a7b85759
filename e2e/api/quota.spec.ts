import type { APIResponse } from "@playwright/test";
import { testDb } from "../support/db";
import { expect, test, uniqueClientAddress } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

function quotaOf(response: APIResponse) {
  const headers = response.headers();
  return { limit: headers["ratelimit-limit"], remaining: headers["ratelimit-remaining"], reset: headers["ratelimit-reset"] };
}

function expectQuotaHeaders(response: APIResponse, limit: number) {
  const { limit: sent, remaining, reset } = quotaOf(response);
  expect(sent, `${response.status()} ${response.url()}`).toBe(String(limit));
  expect(Number(remaining)).toBeGreaterThanOrEqual(0);
  expect(Number(reset)).toBeGreaterThan(0);
  expect(Number(reset)).toBeLessThanOrEqual(3600);
  return Number(remaining);
}

test.describe("per-token request quota", () => {
  test("every authenticated answer reports the quota, counting down; unauthenticated and public ones do not", async ({ request, makeUser }) => {
    // The test server's quota is set far above what tests send (scripts/serve-test.mjs).
    const limit = 1_000_000;
    const { token } = await createTestToken((await makeUser({ permissions: ["orders:read"] })).id);
    const first = await request.get("/api/v1/me", { headers: bearer(token) });
    expect(first.status()).toBe(200);
    expect(expectQuotaHeaders(first, limit)).toBe(limit - 1);
    const second = await request.get("/api/v1/me", { headers: bearer(token) });
    expect(expectQuotaHeaders(second, limit)).toBe(limit - 2);
    // Refusals to an authenticated token count and say so too.
    const forbidden = await request.post("/api/v1/orders", { headers: bearer(token), data: {} });
    expect(forbidden.status()).toBe(403);
    expect(expectQuotaHeaders(forbidden, limit)).toBe(limit - 3);
    const missing = await request.get("/api/v1/orders/doesnotexist000", { headers: bearer(token) });
    expect(missing.status()).toBe(404);
    expect(expectQuotaHeaders(missing, limit)).toBe(limit - 4);
    const invalid = await request.get("/api/v1/orders?limit=0", { headers: bearer(token) });
    expect(invalid.status()).toBe(400);
    expect(expectQuotaHeaders(invalid, limit)).toBe(limit - 5);
    const notAllowed = await request.delete("/api/v1/me", { headers: bearer(token) });
    expect(notAllowed.status()).toBe(405);
    expect(expectQuotaHeaders(notAllowed, limit)).toBe(limit - 6);

    for (const response of [await request.get("/api/v1/me"), await request.get("/api/v1"), await request.get("/api/v1/openapi.json")]) {
      expect(quotaOf(response)).toEqual({ limit: undefined, remaining: undefined, reset: undefined });
    }
  });

  test("a spent quota is 429 rate_limited with Retry-After, for that token only", async ({ makeUser, appInstances }) => {
    test.setTimeout(180_000);
    // An instance of its own whose tokens may make three requests an hour.
    const instance = await appInstances.start({ API_RATE_LIMIT_PER_HOUR: "3" });
    const user = await makeUser({ permissions: ["orders:read"] });
    const spent = await createTestToken(user.id);
    const other = await createTestToken(user.id);
    const call = (token: string) =>
      fetch(`${instance.url}/api/v1/me`, { headers: { ...bearer(token), "X-Forwarded-For": uniqueClientAddress(), "X-Request-Id": "quota-check" } });

    for (const remaining of [2, 1, 0]) {
      const response = await call(spent.token);
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBe("3");
      expect(response.headers.get("ratelimit-remaining")).toBe(String(remaining));
    }
    const refused = await call(spent.token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get("ratelimit-limit")).toBe("3");
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(refused.headers.get("ratelimit-reset"))).toBe(retryAfter);
    expect(await refused.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String), requestId: "quota-check" } });
    // Still refused: the quota does not come back by asking again.
    expect((await call(spent.token)).status).toBe(429);

    // Another token of the same owner has a quota of its own.
    const fresh = await call(other.token);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("ratelimit-remaining")).toBe("2");

    // Counting costs no database write: a refused request changes nothing stored for the token.
    const before = await testDb().apiToken.findUniqueOrThrow({ where: { id: spent.tokenId } });
    expect((await call(spent.token)).status).toBe(429);
    expect(await testDb().apiToken.findUniqueOrThrow({ where: { id: spent.tokenId } })).toEqual(before);
  });
});
