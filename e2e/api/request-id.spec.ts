import fs from "node:fs";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";

// What scripts/server.mjs generates when the client's own ID is not kept: a random UUID.
const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function requestIdOf(response: APIResponse): string {
  const id = response.headers()["x-request-id"];
  expect(id, `${response.status()} ${response.url()}`).toBeTruthy();
  return id;
}

async function expectErrorCarriesId(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  const id = requestIdOf(response);
  expect((await response.json()).error.requestId).toBe(id);
  return id;
}

test.describe("X-Request-Id", () => {
  test("a safe client value is echoed, in the header and in the error body", async ({ request }) => {
    for (const id of ["abc", "client-7f3a.9:retry_2", "A".repeat(128)]) {
      const response = await request.get("/api/v1/me", { headers: { "X-Request-Id": id } });
      expect(requestIdOf(response)).toBe(id);
      expect((await response.json()).error.requestId).toBe(id);
    }
  });

  test("an unsafe or over-long client value is replaced by a new random one", async ({ request }) => {
    const seen = new Set<string>();
    for (const id of ["", "two words", "<script>", "a\\b", "x".repeat(129), "id;drop", "é"]) {
      const response = await request.get("/api/v1", { headers: { "X-Request-Id": id } });
      const answered = requestIdOf(response);
      expect(answered).not.toBe(id);
      expect(answered).toMatch(GENERATED);
      seen.add(answered);
    }
    expect(seen.size).toBe(7);
  });

  test("every kind of answer carries one: 200, 401, 404, 405, 429, a page, and the server's own refusal", async ({ request, makeUser }) => {
    const token = await createTestToken((await makeUser()).id);
    expect((await request.get("/api/v1/me", { headers: bearer(token.token) })).status()).toBe(200);
    requestIdOf(await request.get("/api/v1/me", { headers: bearer(token.token) }));
    await expectErrorCarriesId(await request.get("/api/v1/me"), 401);
    await expectErrorCarriesId(await request.get("/api/v1/nothing-here", { headers: bearer(token.token) }), 404);
    await expectErrorCarriesId(await request.put("/api/v1/me", { headers: bearer(token.token) }), 405);
    await expectErrorCarriesId(await request.delete("/api/v1"), 405);
    // The failed-authentication limit's 429.
    const wrong = bearer(withWrongSecret(token));
    for (let i = 0; i < 30; i++) await request.get("/api/v1/me", { headers: wrong });
    await expectErrorCarriesId(await request.get("/api/v1/me", { headers: wrong }), 429);
    // Pages and the sign-in API.
    const page = await request.get("/login");
    expect(page.status()).toBe(200);
    requestIdOf(page);
    requestIdOf(await request.get("/api/auth/csrf"));
    requestIdOf(await request.get("/no-such-page"));
    // Refused by scripts/server.mjs before the app sees it.
    await expectErrorCarriesId(await request.get("/api/v1/orders/%ff%fe"), 400);
    requestIdOf(await request.get("/admin/%E0%A4%A"));
  });

  test("a client cannot choose the ID through the header the server hands to the app", async ({ request }) => {
    const response = await request.get("/api/v1/me", { headers: { "X-Platform-Request-Id": "forged-id", "X-Request-Id": "my id" } });
    const id = requestIdOf(response);
    expect(id).not.toBe("forged-id");
    expect(id).toMatch(GENERATED);
    expect((await response.json()).error.requestId).toBe(id);
  });

  test("the request log line and the error body carry the same ID", async ({ request }) => {
    const logFile = process.env.TEST_SERVER_LOG;
    test.skip(!logFile, "the server log is only written under scripts/test.mjs");
    const response = await request.get("/api/v1/orders/some-order");
    const id = await expectErrorCarriesId(response, 401);
    const logged = () =>
      fs
        .readFileSync(logFile!, "utf8")
        .split("\n")
        .filter((line) => line.includes('"event":"request"'))
        .map((line) => JSON.parse(line) as { requestId?: string; path?: string; status?: number })
        .filter((entry) => entry.requestId === id);
    await expect.poll(() => logged().length, { timeout: 10_000 }).toBe(1);
    expect(logged()[0]).toMatchObject({ path: "/api/v1/orders/some-order", status: 401 });
  });
});
