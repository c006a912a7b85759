import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { TOKEN_ID_RESPONSE_HEADER } from "../../lib/http/header-names.mjs";
// @ts-expect-error: plain JavaScript module used by the production server, which cannot load TypeScript
import { loggablePath, logRequest } from "../../scripts/request-log.mjs";

const SECRET = "yR3abcdefghijklmnopqrstuvwxyz012345678";
const TOKEN = `pat_4kQ9x2LmZr8T_${SECRET}`;

describe("request log", () => {
  it("drops the query string and every token secret from the path", () => {
    expect(loggablePath(`/api/v1/orders?token=${TOKEN}&limit=5`)).toBe("/api/v1/orders");
    expect(loggablePath(`/api/v1/${TOKEN}/x#${TOKEN}`)).toBe("/api/v1/pat_4kQ9x2LmZr8T_[redacted]/x");
    expect(loggablePath(`/${"ab/".repeat(2000)}`)).toHaveLength(512);
  });

  // Every spelling under which a client may put a token or its secret into a path: Next.js routes on the
  // decoded path, so each of these reaches the app as the token itself.
  const TOKEN_ID = "4kQ9x2LmZr8T";
  const escaped = (text: string, at: number) => `${text.slice(0, at)}%${text.charCodeAt(at).toString(16).toUpperCase()}${text.slice(at + 1)}`;
  const SPELLINGS: { name: string; path: string; keeps?: string }[] = [
    { name: "the token as it is", path: `/api/v1/${TOKEN}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "pat%5F", path: `/api/v1/pat%5F${TOKEN_ID}_${SECRET}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "pat%5f", path: `/api/v1/pat%5f${TOKEN_ID}%5f${SECRET}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "%70at_", path: `/api/v1/%70at_${TOKEN_ID}_${SECRET}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "PAT_", path: `/api/v1/PAT_${TOKEN_ID}_${SECRET}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "all upper case", path: `/api/v1/${TOKEN.toUpperCase()}`, keeps: `pat_${TOKEN_ID.toUpperCase()}_[redacted]` },
    { name: "a bare secret", path: `/api/v1/orders/${SECRET}`, keeps: "/api/v1/orders/[redacted]" },
    { name: "a bare secret in upper case", path: `/api/v1/${SECRET.toUpperCase()}/x`, keeps: "/api/v1/[redacted]/x" },
    { name: "a secret with one escaped character", path: `/api/v1/${escaped(SECRET, 10)}` },
    { name: "an ID with one escaped character", path: `/api/v1/pat_${escaped(TOKEN_ID, 11)}_${SECRET}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "every character escaped", path: `/api/v1/${Array.from(TOKEN, (c) => `%${c.charCodeAt(0).toString(16)}`).join("")}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "escaped twice", path: `/api/v1/pat%255F${TOKEN_ID}_${escaped(SECRET, 3).replace("%", "%25")}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "an ID too short to be one", path: `/api/v1/pat_4kQ9x_${SECRET}`, keeps: "/api/v1/pat_[redacted]" },
    { name: "after another word", path: `/api/v1/bearerpat_${TOKEN_ID}_${SECRET}`, keeps: `bearerpat_${TOKEN_ID}_[redacted]` },
    { name: "a path that cannot be decoded, before the token", path: `/api/v1/%ff%fe/${TOKEN}`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "a path that cannot be decoded, in the token", path: `/api/v1/pat%5F${TOKEN_ID}_${SECRET}%E0%A4%A`, keeps: `pat_${TOKEN_ID}_[redacted]` },
    { name: "a path that cannot be decoded, in the ID", path: `/api/v1/pat_4kQ9x2%ffLmZr8T_${SECRET}`, keeps: "/api/v1/pat_[redacted]" },
    { name: "a bare secret in a path that cannot be decoded", path: `/api/v1/%C3%28${SECRET}%ff` },
  ];
  for (const { name, path, keeps } of SPELLINGS) {
    it(`redacts a token or secret spelled as ${name}`, () => {
      const logged = loggablePath(path);
      expect(logged.toLowerCase()).not.toContain(SECRET.toLowerCase());
      // Not even a part of the secret long enough to matter.
      expect(logged).not.toMatch(/[0-9A-Za-z]{20,}/);
      if (keeps) expect(logged).toContain(keeps);
    });
  }

  it("logs an ordinary path as it was asked for, in printable ASCII", () => {
    expect(loggablePath("/api/v1/orders/clx1a2b3c4d5e6f7g8h9i0j1k")).toBe("/api/v1/orders/clx1a2b3c4d5e6f7g8h9i0j1k");
    expect(loggablePath(`/api/v1/pat_${TOKEN_ID}`)).toBe(`/api/v1/pat_${TOKEN_ID}`);
    expect(loggablePath("/api/v1/orders/%C3%A9%20x")).toBe("/api/v1/orders/%C3%A9%20x");
    expect(loggablePath("/api/v1/%6De")).toBe("/api/v1/me");
    expect(loggablePath("/api/v1/me%0A%22%E2%80%AE")).toBe("/api/v1/me%0A%22%E2%80%AE".replace("%22", '"'));
    expect(loggablePath("/api/v1/%25ff")).toBe("/api/v1/%25ff");
  });

  async function serve(respond: (res: http.ServerResponse) => void) {
    const lines: string[] = [];
    const server = http.createServer((req, res) => {
      logRequest(req, res, { address: "203.0.113.5", requestId: "req-7", write: (entry: object) => lines.push(JSON.stringify(entry)) });
      respond(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/me?secret=${SECRET}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    await response.text();
    await new Promise((resolve) => server.close(resolve));
    return { response, lines };
  }

  it("logs one JSON line with the token ID handed over by the app, and keeps that header from the client", async () => {
    for (const respond of [
      (res: http.ServerResponse) => {
        res.setHeader(TOKEN_ID_RESPONSE_HEADER, "4kQ9x2LmZr8T");
        res.end("{}");
      },
      (res: http.ServerResponse) => res.writeHead(200, { [TOKEN_ID_RESPONSE_HEADER]: "4kQ9x2LmZr8T" }).end("{}"),
      (res: http.ServerResponse) => res.writeHead(200, "OK", [TOKEN_ID_RESPONSE_HEADER, "4kQ9x2LmZr8T", "x-other", "1"]).end("{}"),
    ]) {
      const { response, lines } = await serve(respond);
      expect(response.headers.get(TOKEN_ID_RESPONSE_HEADER)).toBeNull();
      await expect.poll(() => lines.length).toBe(1);
      const entry = JSON.parse(lines[0]);
      expect(entry).toMatchObject({ event: "request", method: "GET", path: "/api/v1/me", status: 200, address: "203.0.113.5", requestId: "req-7", tokenId: "4kQ9x2LmZr8T" });
      expect(typeof entry.durationMs).toBe("number");
      expect(lines[0]).not.toContain(SECRET);
      expect(lines[0].toLowerCase()).not.toContain("bearer");
    }
  });

  it("logs no token ID for a request no token authenticated", async () => {
    const { lines } = await serve((res) => {
      res.statusCode = 401;
      res.end("{}");
    });
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0])).not.toHaveProperty("tokenId");
    expect(JSON.parse(lines[0]).status).toBe(401);
  });
});

describe("malformed paths", () => {
  it("are refused with 400 before the app sees them, in the API's error shape under /api", async () => {
    // @ts-expect-error: plain JavaScript module used by the production server
    const { refuseMalformed } = await import("../../scripts/request-guard.mjs");
    const reached: string[] = [];
    const server = http.createServer((req, res) => {
      if (refuseMalformed(req, res)) return;
      reached.push(req.url ?? "");
      res.end("app");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

    const api = await get("/api/v1/orders/%ff%fe");
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: "invalid_request", message: "The request is not valid." } });
    // Behind scripts/server.mjs the request's ID is in the body, as in every API error.
    const withId = await fetch(`http://127.0.0.1:${port}/api/v1/orders/%ff`, { headers: { "x-platform-request-id": "req-42" } });
    expect(await withId.json()).toEqual({ error: { code: "invalid_request", message: "The request is not valid.", requestId: "req-42" } });
    const page = await get("/admin/users/%E0%A4%A");
    expect(page.status).toBe(400);
    expect(await page.text()).toBe("Bad Request");
    // Valid encodings, and a malformed query string (which URLSearchParams reads leniently), pass.
    for (const path of ["/api/v1/orders/%C3%A9", "/api/v1/me?q=%ff", "/admin/%2F"]) expect(await (await get(path)).text()).toBe("app");
    expect(reached).toEqual(["/api/v1/orders/%C3%A9", "/api/v1/me?q=%ff", "/admin/%2F"]);
    await new Promise((resolve) => server.close(resolve));
  });
});
