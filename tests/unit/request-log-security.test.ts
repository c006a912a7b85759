import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript module used by the production server, which cannot load TypeScript
import { loggablePath, logRequest, TOKEN_ID_RESPONSE_HEADER } from "../../scripts/request-log.mjs";

const SECRET = "yR3abcdefghijklmnopqrstuvwxyz012345678";
const TOKEN = `pat_4kQ9x2LmZr8T_${SECRET}`;

describe("request log", () => {
  it("drops the query string and every token secret from the path", () => {
    expect(loggablePath(`/api/v1/orders?token=${TOKEN}&limit=5`)).toBe("/api/v1/orders");
    expect(loggablePath(`/api/v1/${TOKEN}/x#${TOKEN}`)).toBe("/api/v1/pat_4kQ9x2LmZr8T_[redacted]/x");
    expect(loggablePath(`/${"a".repeat(5000)}`)).toHaveLength(512);
  });

  async function serve(respond: (res: http.ServerResponse) => void) {
    const lines: string[] = [];
    const server = http.createServer((req, res) => {
      logRequest(req, res, { address: "203.0.113.5", requestId: "req-7", write: (line: string) => lines.push(line) });
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
