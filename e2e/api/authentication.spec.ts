import type { APIResponse } from "@playwright/test";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { formatToken, generateToken } from "../../lib/tokens/server/format";
import { testDb } from "../support/db";
import { expect, test } from "../support/api-fixtures";
import { uniqueClientAddress } from "../support/fixtures";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";

const UNAUTHORIZED_MESSAGE = "A valid API token is required.";
// The paths under /api/v1 that need no token.
const PUBLIC_PATHS = ["/api/v1", "/api/v1/openapi.json", "/api/v1/credentials/revoke"];

async function expectUnauthorized(response: APIResponse) {
  expect(response.status()).toBe(401);
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("no-store");
  // The same body for every reason, so a caller learns nothing about why.
  expect(await response.json()).toEqual({ error: { code: "unauthorized", message: UNAUTHORIZED_MESSAGE, requestId: expect.any(String) } });
}

test.describe("API authentication: every refusal is the same 401", () => {
  test("no Authorization header", async ({ request }) => {
    await expectUnauthorized(await request.get("/api/v1/me"));
  });

  test("wrong scheme", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id);
    await expectUnauthorized(await request.get("/api/v1/me", { headers: { Authorization: `Basic ${token}` } }));
    await expectUnauthorized(await request.get("/api/v1/me", { headers: { Authorization: `Token ${token}` } }));
    await expectUnauthorized(await request.get("/api/v1/me", { headers: { Authorization: token } }));
  });

  test("malformed token", async ({ request }) => {
    for (const value of ["Bearer", "Bearer ", "Bearer pat_", "Bearer pat_abc_def", "Bearer a b c", `Bearer ${"x".repeat(5000)}`]) {
      await expectUnauthorized(await request.get("/api/v1/me", { headers: { Authorization: value } }));
    }
  });

  test("bad checksum", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id);
    const last = token.at(-1) === "0" ? "1" : "0";
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(token.slice(0, -1) + last) }));
  });

  test("unknown token ID", async ({ request }) => {
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(generateToken().token) }));
  });

  test("wrong secret for a real token ID", async ({ request, makeUser }) => {
    const token = await createTestToken((await makeUser()).id);
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(withWrongSecret(token)) }));
  });

  test("revoked token", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id, { revoked: true });
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(token) }));
  });

  test("expired token", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id, { expiresAt: new Date(Date.now() - 1000) });
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(token) }));
  });

  test("inactive owner", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser({ active: false })).id);
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(token) }));
  });

  test("a session cookie does not authenticate the API", async ({ page, makeUser }) => {
    const user = await makeUser();
    const { signInViaApi } = await import("../support/fixtures");
    await signInViaApi(page.request, user);
    await expectUnauthorized(await page.request.get("/api/v1/me"));
  });

  test("a forged principal header is ignored, with or without a token", async ({ request, makeUser }) => {
    const victim = await makeUser({ permissions: ["orders:read", "orders:write", "products:read", "products:write", "users:manage"] });
    // The server takes the caller from the token only (an earlier design handed a principal from middleware
    // to the handler in this header): a random handle, or a principal written out in full, changes nothing.
    const written = Buffer.from(
      JSON.stringify({ tokenId: "AAAAAAAAAAAA", tokenName: "forged", user: { id: victim.id, email: victim.email, name: victim.name }, permissions: ["users:manage"], groups: [] }),
    ).toString("base64url");
    const forged = crypto.randomUUID();
    for (const value of [forged, "anything", written, `${written}.AAAA`]) {
      await expectUnauthorized(await request.get("/api/v1/me", { headers: { "x-platform-principal": value } }));
    }
    const weak = await makeUser({ permissions: [] });
    const { token } = await createTestToken(weak.id);
    const response = await request.get("/api/v1/me", { headers: { ...bearer(token), "x-platform-principal": forged } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.user.id).toBe(weak.id);
    expect(body.permissions).toEqual([]);
    expect((await request.get("/api/v1/orders", { headers: { ...bearer(token), "x-platform-principal": forged } })).status()).toBe(403);
  });

  test("every method on every token path refuses a caller without a token, before 404, 405 or 400", async ({ request }) => {
    // Every route file under app/api/v1, so that a route added without apiRoute() fails here.
    const root = path.join(process.cwd(), "app/api/v1");
    const routes = fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => "/api/v1" + ("/" + path.dirname(file)).replace(/\/\.$/, "").replace("[...path]", "no/such/path").replace("[id]", "AAAAAAAAAAAAAAAA"));
    const tokenPaths = routes.filter((route) => !PUBLIC_PATHS.includes(route));
    expect(tokenPaths.length).toBe(routes.length - PUBLIC_PATHS.length);
    expect(tokenPaths).toEqual(expect.arrayContaining(["/api/v1/me", "/api/v1/orders", "/api/v1/no/such/path"]));
    for (const route of tokenPaths) {
      // An address per path: seven failures each stay under the per-address limit on failed tokens.
      const headers = { "X-Forwarded-For": uniqueClientAddress() };
      for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        const response = await request.fetch(`${route}?unknown=1`, { method, headers, data: method === "GET" || method === "HEAD" ? undefined : {} });
        expect(response.status(), `${method} ${route}`).toBe(401);
        expect(response.headers()["www-authenticate"], `${method} ${route}`).toMatch(/^Bearer/);
        if (method !== "HEAD") expect((await response.json()).error.code).toBe("unauthorized");
      }
    }
  });

  test("the x-middleware-subrequest header does not skip authentication", async ({ request }) => {
    for (const value of ["middleware", "middleware:middleware:middleware:middleware:middleware", "src/middleware:middleware:middleware:middleware:middleware", "pages/_middleware"]) {
      await expectUnauthorized(await request.get("/api/v1/me", { headers: { "x-middleware-subrequest": value } }));
      await expectUnauthorized(await request.get("/api/v1/orders", { headers: { "x-middleware-subrequest": value } }));
    }
  });

  test("a valid token authenticates, with the scheme in any case", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read", "products:read"], groups: ["EMEA", "APAC"] });
    const token = await createTestToken(user.id, { name: "integration" });
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      const response = await request.get("/api/v1/me", { headers: { Authorization: `${scheme} ${token.token}` } });
      expect(response.status()).toBe(200);
    }
    const body = await (await request.get("/api/v1/me", { headers: bearer(token.token) })).json();
    const groups = await testDb().visibilityGroup.findMany({ where: { name: { in: ["APAC", "EMEA"] } }, orderBy: { name: "asc" } });
    expect(body).toEqual({
      user: { id: user.id, email: user.email, name: user.name },
      permissions: ["orders:read", "products:read"],
      visibilityGroups: groups.map((g) => ({ id: g.id, name: g.name })),
      token: { id: token.tokenId, name: "integration" },
    });
  });

  test("what a token reads is never kept by a cache", async ({ request, makeUser }) => {
    const user = await makeUser({ permissions: ["orders:read", "orders:write", "products:read"], groups: ["EMEA"] });
    const { token } = await createTestToken(user.id);
    const reads = ["/api/v1/me", "/api/v1/orders", "/api/v1/products"].map((path) => request.get(path, { headers: bearer(token) }));
    const emea = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "EMEA" } });
    const write = request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "Cache Check", totalCents: 100, visibilityGroupId: emea.id } });
    for (const response of await Promise.all([...reads, write])) {
      expect(response.ok(), response.url()).toBe(true);
      expect(response.headers()["cache-control"], response.url()).toBe("no-store");
    }
  });

  test("a token made for the same ID with a forged checksum never reaches a user", async ({ request, makeUser }) => {
    const token = await createTestToken((await makeUser()).id);
    await expectUnauthorized(await request.get("/api/v1/me", { headers: bearer(formatToken(token.tokenId, token.secret).slice(0, -6) + "zzzzzz") }));
  });
});
