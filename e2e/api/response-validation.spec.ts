import { expect, test } from "../support/api-fixtures";
import { OpenApiValidator, type ObservedResponse } from "../support/openapi-validator";
import { bearer, createTestToken } from "../support/tokens";

// The check every API test's responses go through: it must pass what the server really sends and catch
// what departs from the document.
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

test("the response check passes real answers and catches every kind of departure", async ({ request, makeUser, baseURL }) => {
  const validator = new OpenApiValidator(await (await request.get("/api/v1/openapi.json")).json());
  const { token } = await createTestToken((await makeUser()).id);
  const me = await request.get("/api/v1/me", { headers: bearer(token) });
  const real: ObservedResponse = { method: "GET", url: me.url(), status: 200, headers: me.headers(), body: await me.body() };
  expect(validator.violations(real)).toEqual([]);

  const body = await me.json();
  const { "x-request-id": _dropped, ...withoutRequestId } = real.headers;
  const departures: [string, ObservedResponse, RegExp][] = [
    ["a missing field", { ...real, body: json({ ...body, token: { name: "x" } }) }, /body\/token must have required property 'id'/],
    ["a field of the wrong shape", { ...real, body: json({ ...body, permissions: ["orders:delete"] }) }, /body\/permissions\/0 must be equal to one of the allowed values/],
    ["an undocumented status", { ...real, status: 418 }, /status 418 is not documented/],
    ["a missing required header", { ...real, headers: withoutRequestId }, /header X-Request-Id is required/],
    ["a header of the wrong shape", { ...real, headers: { ...real.headers, "ratelimit-remaining": "lots" } }, /header RateLimit-Remaining must be integer/],
    ["a body that is not JSON", { ...real, body: Buffer.from("<html>") }, /the body is not JSON/],
    ["an unknown path answered with a success", { ...real, url: new URL("/api/v1/nowhere", baseURL).toString() }, /undocumented path, expected 404/],
    ["a method refused without Allow", { ...real, method: "PUT", status: 405, body: json({ error: { code: "method_not_allowed", message: "No." } }) }, /405 without Allow/],
  ];
  for (const [what, observed, expected] of departures) expect(validator.violations(observed).join("\n"), what).toMatch(expected);
});
