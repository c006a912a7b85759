import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const API_DIR = path.join(process.cwd(), "app", "api", "v1");

/** The routes the app serves, read from the route files: "METHOD /path" with [param] as {param}. */
function servedRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(API_DIR, dir).split(path.sep).join("/");
        if (route.includes("[...")) continue; // the catch-all 404
        const source = fs.readFileSync(full, "utf8");
        for (const method of METHODS) {
          // OPTIONS is exported as the answer otherMethods() builds (`options as OPTIONS`); a refusal (`notAllowed as POST`) is no route.
          const served = new RegExp(`export (const|async function|function) ${method}\\b|\\b(options|preflight) as ${method}\\b`).test(source);
          if (served) routes.push(`${method} ${route.replace(/\[(\w+)\]/g, "{$1}")}`);
        }
      }
    }
  };
  walk(API_DIR);
  return routes.sort();
}

test("the OpenAPI document is public, 3.1, and names exactly the routes the app serves", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toMatch(/^3\.1\./);
  const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
    .sort();
  expect(documented).toEqual(servedRoutes());
  expect(servedRoutes().length).toBeGreaterThanOrEqual(7);
});

test("every documented operation describes its parameters, responses and errors, and every reference resolves", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      expect(operation.operationId, `${method} ${route}`).toBeTruthy();
      expect(Object.keys(operation.responses).some((status) => status.startsWith("2")), `${method} ${route}`).toBe(true);
      const params = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const param of params) expect(operation.parameters?.some((p: any) => resolve(document, p).name === param && resolve(document, p).in === "path"), `${method} ${route} ${param}`).toBe(true);
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (!isPublic) expect(operation.responses["401"], `${method} ${route}`).toBeDefined();
    }
  }
  const text = JSON.stringify(document);
  for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses|headers|parameters)\/(\w+)"/g)) {
    expect(document.components[kind][name], `${kind}/${name}`).toBeDefined();
  }
});

test("documented error codes are the ones the API answers with", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const codes: string[] = document.components.schemas.Error.properties.error.properties.code.enum;
  const unauthorized = await (await request.get("/api/v1/me")).json();
  expect(codes).toContain(unauthorized.error.code);
  expect(codes).toEqual(expect.arrayContaining(["unauthorized", "forbidden", "not_found", "invalid_request", "rate_limited"]));
  expect(codes).toEqual(expect.arrayContaining(["method_not_allowed", "payload_too_large", "unsupported_media_type", "idempotency_key_reused", "idempotency_conflict"]));
  expect(document.components.schemas.Error.properties.error.properties.requestId).toBeDefined();
});

/** Follows one local reference (#/components/...). */
function resolve(document: any, value: any): any {
  return value?.$ref ? value.$ref.slice(2).split("/").reduce((node: any, key: string) => node[key], document) : value;
}

test("request IDs, quotas, idempotency and every refusal are described", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, operation] of Object.entries(operations)) {
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      for (const [status, raw] of Object.entries(operation.responses)) {
        const described = resolve(document, raw);
        expect(described.headers?.["X-Request-Id"], `${method} ${route} ${status}`).toBeDefined();
        if (!isPublic && status.startsWith("2")) {
          for (const name of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]) expect(described.headers[name], `${method} ${route} ${status} ${name}`).toBeDefined();
        }
      }
    }
  }
  for (const [route, method] of [["/orders", "post"], ["/orders/{id}", "patch"]]) {
    const operation = document.paths[route][method];
    const parameters = operation.parameters.map((parameter: any) => resolve(document, parameter));
    expect(parameters.find((parameter: any) => parameter.name === "Idempotency-Key")).toMatchObject({ in: "header", schema: { minLength: 1, maxLength: 255 } });
    for (const status of ["400", "409", "413", "415", "422", "429"]) expect(operation.responses[status], `${method} ${route} ${status}`).toBeDefined();
    const success = resolve(document, operation.responses[method === "post" ? "201" : "200"]);
    expect(success.headers["Idempotent-Replayed"]).toBeDefined();
  }
  const { responses } = document.components;
  // A method a path does not serve is 405 with Allow: every path documents OPTIONS, which answers that Allow.
  for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    expect(operations.options?.responses["204"]?.headers?.Allow, route).toBeDefined();
    expect(operations.options.description, route).toContain("405");
  }
  expect(responses.RateLimited.headers["Retry-After"]).toBeDefined();
  expect(responses.RateLimited.headers["RateLimit-Reset"]).toBeDefined();
});

test("the headers the API sends are the ones the document names", async ({ request, makeUser }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const { token } = await createTestToken((await makeUser()).id);
  const me = await request.get("/api/v1/me", { headers: bearer(token) });
  expect(me.status()).toBe(200);
  for (const name of Object.keys(resolve(document, document.paths["/me"].get.responses["200"]).headers)) expect(me.headers()[name.toLowerCase()], name).toBeTruthy();
  const refused = await request.put("/api/v1/me", { headers: bearer(token) });
  expect(refused.status()).toBe(405);
  for (const name of Object.keys(resolve(document, document.paths["/me"].options.responses["204"]).headers)) expect(refused.headers()[name.toLowerCase()], name).toBeTruthy();
  expect((await refused.json()).error.requestId).toBe(refused.headers()["x-request-id"]);
});
