import { testDb } from "../support/db";
import { expect, test } from "../support/api-fixtures";
import { bearer, createTestToken } from "../support/tokens";

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

async function writerToken(makeUser: (spec?: object) => Promise<{ id: string }>) {
  const user = await makeUser({ permissions: ["orders:read", "orders:write", "products:read"], groups: ["Acme"] });
  return (await createTestToken(user.id)).token;
}

test.describe("methods", () => {
  test("405 and OPTIONS name in Allow exactly the methods each path serves, and those methods are served", async ({ request, makeUser }) => {
    const token = await writerToken(makeUser);
    const order = await testDb().order.findFirstOrThrow({ where: { group: { name: "Acme" } } });
    const product = await testDb().product.findFirstOrThrow({ where: { group: { name: "Acme" } } });
    const paths: Record<string, string[]> = {
      "/api/v1": ["GET"],
      "/api/v1/me": ["GET"],
      "/api/v1/orders": ["GET", "POST"],
      [`/api/v1/orders/${order.id}`]: ["GET", "PATCH"],
      "/api/v1/products": ["GET"],
      [`/api/v1/products/${product.id}`]: ["GET"],
      "/api/v1/openapi.json": ["GET"],
      "/api/v1/credentials/revoke": ["POST"],
    };
    for (const [path, served] of Object.entries(paths)) {
      const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
      const options = await request.fetch(path, { method: "OPTIONS", headers: bearer(token) });
      expect(options.status(), path).toBe(204);
      expect(options.headers()["allow"], path).toBe(allow);
      for (const method of ALL_METHODS) {
        const response = await request.fetch(path, { method, headers: bearer(token), data: method === "GET" ? undefined : {} });
        if (served.includes(method)) {
          expect(response.status(), `${method} ${path}`).not.toBe(405);
        } else {
          expect(response.status(), `${method} ${path}`).toBe(405);
          expect(response.headers()["allow"], `${method} ${path}`).toBe(allow);
          expect((await response.json()).error.code).toBe("method_not_allowed");
        }
      }
      if (served.includes("GET")) expect((await request.head(path, { headers: bearer(token) })).status(), `HEAD ${path}`).not.toBe(405);
    }
  });
});

test.describe("bodies", () => {
  test("a write that is not JSON is 415; JSON with a charset is accepted", async ({ request, makeUser }) => {
    const token = await writerToken(makeUser);
    const groupId = (await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "Acme" } })).id;
    const body = JSON.stringify({ customer: "Media Type", totalCents: 1, visibilityGroupId: groupId });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", "multipart/form-data; boundary=x"]) {
      const response = await request.post("/api/v1/orders", { headers: { ...bearer(token), "Content-Type": type }, data: body });
      expect(response.status(), type).toBe(415);
      expect((await response.json()).error.code).toBe("unsupported_media_type");
    }
    const accepted = await request.post("/api/v1/orders", { headers: { ...bearer(token), "Content-Type": "application/json; charset=utf-8" }, data: body });
    expect(accepted.status()).toBe(201);
  });

  test("a body over 16 KiB is 413 payload_too_large, declared or streamed; one under it is read", async ({ request, makeUser, baseURL }) => {
    const token = await writerToken(makeUser);
    const big = JSON.stringify({ customer: "x".repeat(17 * 1024), totalCents: 1, visibilityGroupId: "x" });
    const declared = await request.post("/api/v1/orders", { headers: { ...bearer(token), "Content-Type": "application/json" }, data: big });
    expect(declared.status()).toBe(413);
    expect((await declared.json()).error).toMatchObject({ code: "payload_too_large", message: "The request body is too large." });
    // Sent in chunks without a declared length.
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(encoder.encode(i === 0 ? '{"customer":"' : "y".repeat(1024)));
        controller.enqueue(encoder.encode('","totalCents":1,"visibilityGroupId":"x"}'));
        controller.close();
      },
    });
    const streamed = await fetch(new URL("/api/v1/orders", baseURL), {
      method: "POST",
      headers: { ...bearer(token), "Content-Type": "application/json", "X-Forwarded-For": "10.9.9.9" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Under the limit the body is read and validated as usual.
    const small = await request.post("/api/v1/orders", { headers: bearer(token), data: { customer: "x".repeat(1000), totalCents: 1, visibilityGroupId: "x" } });
    expect(small.status()).toBe(400);
    expect((await small.json()).error.message).toMatch(/^(customer|visibilityGroupId):/);
  });
});

test.describe("paths and queries", () => {
  test("a trailing slash under /api is a JSON 404 naming the path to use; pages keep their redirect", async ({ request, makeUser, baseURL }) => {
    const token = await writerToken(makeUser);
    for (const path of ["/api/v1/orders/?limit=2", "/api/v1/me/", "/api/v1/products/"]) {
      const response = await request.get(path, { headers: bearer(token), maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      const { error } = await response.json();
      expect(error).toMatchObject({ code: "not_found", requestId: response.headers()["x-request-id"] });
      expect(error.message).toBe(`Not found. API paths have no trailing slash: ${path.replace(/\/(\?.*)?$/, "")}`);
    }
    expect((await request.get("/api/v1/orders?limit=2", { headers: bearer(token), maxRedirects: 0 })).status()).toBe(200);
    // The index alone answers with the slash too: clients generated from the document (server `/api/v1`,
    // path `/`) ask for `/api/v1/`. The same answer as without it, not a redirect.
    const index = await request.get("/api/v1/", { maxRedirects: 0 });
    expect(index.status()).toBe(200);
    expect(await index.json()).toEqual(await (await request.get("/api/v1")).json());
    expect((await request.get("/api/v1/?verbose=1")).status()).toBe(400);
    // Pages: the usual redirect, never off the site.
    const page = await request.get("/login/", { maxRedirects: 0 });
    expect(page.status()).toBe(308);
    expect(new URL(page.headers()["location"], baseURL).pathname).toBe("/login");
    const doubled = await request.get(`${baseURL}//evil.example/`, { maxRedirects: 0 });
    expect(doubled.status()).toBe(308);
    expect(new URL(doubled.headers()["location"] ?? "/", baseURL).origin).toBe(new URL(baseURL!).origin);
  });

  test("an unknown query parameter is 400 naming it; the known ones are accepted", async ({ request, makeUser }) => {
    const token = await writerToken(makeUser);
    const order = await testDb().order.findFirstOrThrow({ where: { group: { name: "Acme" } } });
    for (const [path, name] of [
      ["/api/v1/orders?limt=5", "limt"],
      ["/api/v1/orders?limit=5&sort=asc", "sort"],
      ["/api/v1/me?verbose=1", "verbose"],
      [`/api/v1/orders/${order.id}?expand=group`, "expand"],
      ["/api/v1/products?cursor=abc&q=x", "q"],
    ]) {
      const response = await request.get(path, { headers: bearer(token) });
      expect(response.status(), path).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("invalid_request");
      expect(error.message, path).toBe(`${name}: is not a parameter of this request.`);
    }
    for (const path of ["/api/v1/orders?limit=5", "/api/v1/orders?limit=5&cursor=abc", "/api/v1/me", `/api/v1/orders/${order.id}`, "/api/v1/products?limit=1"]) {
      expect((await request.get(path, { headers: bearer(token) })).status(), path).toBe(200);
    }
  });

  test("the public paths and OPTIONS refuse query parameters too; without any they answer", async ({ request, makeUser }) => {
    const token = await writerToken(makeUser);
    for (const [method, path, headers] of [
      ["GET", "/api/v1?verbose=1", {}],
      ["GET", "/api/v1/openapi.json?format=yaml", {}],
      ["OPTIONS", "/api/v1/openapi.json?format=yaml", {}],
      ["OPTIONS", "/api/v1/me?verbose=1", bearer(token)],
    ] as const) {
      const response = await request.fetch(path, { method, headers });
      expect(response.status(), `${method} ${path}`).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_request");
    }
    expect((await request.get("/api/v1")).status()).toBe(200);
    expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
    expect((await request.fetch("/api/v1/me", { method: "OPTIONS", headers: bearer(token) })).status()).toBe(204);
  });
});
