import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

// Only the public document may be read across origins. The token-authenticated API sends no CORS headers:
// a token is a server-side credential, never one for a web page to hold.
const ORIGIN = "https://integrator.example";

test("the OpenAPI document may be read from any origin, preflight included", async ({ request }) => {
  const read = await request.get("/api/v1/openapi.json", { headers: { Origin: ORIGIN } });
  expect(read.status()).toBe(200);
  expect(read.headers()["access-control-allow-origin"]).toBe("*");

  const preflight = await request.fetch("/api/v1/openapi.json", {
    method: "OPTIONS",
    headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-request-id" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
  expect(preflight.headers()["access-control-allow-headers"]).toMatch(/x-request-id/i);
  // It allows reading only: no credentials, no writes.
  expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
});

test("the token-authenticated API answers no cross-origin request, preflight or not", async ({ request, makeUser }) => {
  const { token } = await createTestToken((await makeUser({ permissions: ["orders:read", "orders:write"] })).id);
  const answers = [
    await request.get("/api/v1/me", { headers: { Origin: ORIGIN, ...bearer(token) } }),
    await request.get("/api/v1/orders", { headers: { Origin: ORIGIN, ...bearer(token) } }),
    await request.get("/api/v1/me", { headers: { Origin: ORIGIN } }),
    await request.fetch("/api/v1/me", { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" } }),
    await request.fetch("/api/v1/orders", { method: "OPTIONS", headers: { Origin: ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" } }),
  ];
  expect(answers.map((answer) => answer.status())).toEqual([200, 200, 401, 401, 401]);
  for (const answer of answers) {
    for (const name of Object.keys(answer.headers())) expect(name, answer.url()).not.toMatch(/^access-control-/);
  }
});

test("the API index is public but not open to other origins either", async ({ request }) => {
  const index = await request.get("/api/v1", { headers: { Origin: ORIGIN } });
  expect(index.status()).toBe(200);
  expect(index.headers()["access-control-allow-origin"]).toBeUndefined();
});
