import fs from "node:fs";
import path from "node:path";
import { expect, test } from "../support/fixtures";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
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
          const served = new RegExp(`export (const|async function|function) ${method}\\b`).test(source);
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
      for (const param of params) expect(operation.parameters?.some((p: any) => p.name === param && p.in === "path"), `${method} ${route} ${param}`).toBe(true);
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      if (!isPublic) expect(operation.responses["401"], `${method} ${route}`).toBeDefined();
    }
  }
  const text = JSON.stringify(document);
  for (const [, kind, name] of text.matchAll(/"#\/components\/(schemas|responses)\/(\w+)"/g)) {
    expect(document.components[kind][name], `${kind}/${name}`).toBeDefined();
  }
});

test("documented error codes are the ones the API answers with", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const codes: string[] = document.components.schemas.Error.properties.error.properties.code.enum;
  const unauthorized = await (await request.get("/api/v1/me")).json();
  expect(codes).toContain(unauthorized.error.code);
  expect(codes).toEqual(expect.arrayContaining(["unauthorized", "forbidden", "not_found", "invalid_request", "rate_limited"]));
});
