import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/api-fixtures";
import { testDb } from "../support/db";
import { createTestToken } from "../support/tokens";

// A client generated from the document the server serves, as an integrator would make one: types from
// openapi-typescript, calls through openapi-fetch, type-checked, then run against every operation. The
// generator needs TypeScript 5, so it lives in a workspace of its own (tests/client).
const clientDir = path.join(process.cwd(), "tests", "client");
const generatedDir = path.join(clientDir, "generated");
const bin = (name: string) => [path.join(clientDir, "node_modules", ".bin", name), path.join(process.cwd(), "node_modules", ".bin", name)].find((file) => fs.existsSync(file))!;
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, { cwd: clientDir, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });

test.describe.configure({ mode: "serial" });

test("the generated client type-checks and calls every operation", async ({ request, makeUser }) => {
  test.setTimeout(180_000);
  const served = await request.get("/api/v1/openapi.json");
  const document = await served.json();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-client-"));
  try {
    fs.mkdirSync(generatedDir, { recursive: true });
    const documentFile = path.join(workDir, "openapi.json");
    fs.writeFileSync(documentFile, JSON.stringify(document));
    // The TypeScript 5 that openapi-typescript needs is the workspace's own.
    const generated = run(process.execPath, [path.join(clientDir, "node_modules", "openapi-typescript", "bin", "cli.js"), documentFile, "--output", path.join(generatedDir, "schema.d.ts")]);
    expect(generated.status, generated.stderr).toBe(0);

    const typeCheck = run(bin("tsc"), ["-p", "tsconfig.json"]);
    expect(typeCheck.status, typeCheck.stdout + typeCheck.stderr).toBe(0);

    const user = await makeUser({ permissions: ["orders:read", "orders:write", "products:read"], groups: ["EMEA"] });
    const group = await testDb().visibilityGroup.findFirstOrThrow({ where: { name: "EMEA" } });
    const { token, tokenId } = await createTestToken(user.id);
    const idempotencyKey = `client-${crypto.randomUUID()}`;
    const ran = run(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["src/run.ts"], {
      // The server URL as a client resolves it: relative to where the document was served.
      API_BASE_URL: new URL(document.servers[0].url, served.url()).toString(),
      API_TOKEN: token,
      API_GROUP_ID: group.id,
      API_IDEMPOTENCY_KEY: idempotencyKey,
    });
    expect(ran.status, ran.stderr).toBe(0);
    const result = JSON.parse(ran.stdout);

    expect(result.index).toBe("Platform API");
    expect(result.openapi).toBe("3.1.0");
    expect(result.tokenId).toBe(tokenId);
    expect(result.created).toMatchObject({ customer: "Generated client", currency: "EUR", status: 201 });
    expect(result.replayed).toEqual({ id: result.created.id, header: "true" });
    // Paged one at a time, the client walked every order of the group, the two it created among them.
    expect(result.orderPages).toBe(result.orderIds.length);
    expect(new Set(result.orderIds).size).toBe(result.orderIds.length);
    expect(result.orderIds).toContain(result.created.id);
    expect(result.fetched).toBe(result.created.id);
    expect(result.updated).toBe("paid");
    expect(result.products).toBeGreaterThan(0);
    expect(result.product).toBeTruthy();
    expect(result.report).toBe("accepted");
    expect(result.allowed).toEqual({
      "/": "GET, HEAD, OPTIONS",
      "/openapi.json": "GET, HEAD, OPTIONS",
      "/credentials/revoke": "POST, OPTIONS",
      "/me": "GET, HEAD, OPTIONS",
      "/orders": "GET, POST, HEAD, OPTIONS",
      "/orders/{id}": "GET, PATCH, HEAD, OPTIONS",
      "/products": "GET, HEAD, OPTIONS",
      "/products/{id}": "GET, HEAD, OPTIONS",
    });
    expect(result.refusal).toBe("not_found");
    // Only the first create of the key wrote: one order with that customer, not two.
    expect(await testDb().order.count({ where: { customer: "Generated client" } })).toBe(1);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

test("a client without a token is refused with the documented error", async ({ request }) => {
  const served = await request.get("/api/v1/openapi.json");
  const document = await served.json();
  const response = await fetch(`${new URL(document.servers[0].url, served.url())}/me`);
  expect(response.status).toBe(401);
  expect((await response.json()).error.code).toBe("unauthorized");
});
