import http from "node:http";
import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./support/local-server";
import { rawHttp } from "../../e2e/support/raw-http";
import { API_BODY_LIMIT, AUTH_BODY_LIMIT, CREDENTIAL_REPORT_BODY_LIMIT, DEFAULT_BODY_LIMIT } from "@/lib/api/body-limits.mjs";
import { API_ERRORS } from "@/lib/api/errors";
// @ts-expect-error: plain JavaScript module used by the production server, which cannot load TypeScript
import { expectsContinue, limitBody } from "../../scripts/body-limit.mjs";
// @ts-expect-error: plain JavaScript module used by the production server
import { answerClientError, REFUSALS, refuseMalformed, refuseMethod, responseOnSocket } from "../../scripts/request-guard.mjs";
// @ts-expect-error: plain JavaScript module used by the production server
import { sendWhole } from "../../scripts/whole-answer.mjs";

// The production server's order of refusals (scripts/server.mjs), in front of an "app" that reads the whole
// body and answers with its length.
const reached: { method: string; url: string; bytes: number }[] = [];
const server = http.createServer((req, res) => {
  sendWhole(req, res);
  if (refuseMalformed(req, res) || refuseMethod(req, res)) return;
  limitBody(req, res, async () => {
    let bytes = 0;
    for await (const chunk of req) bytes += chunk.length;
    reached.push({ method: req.method!, url: req.url!, bytes });
    res.end(`read ${bytes}`);
  });
});
server.on("checkContinue", (req, res) => {
  expectsContinue(req);
  server.emit("request", req, res);
});
server.on("connect", (req, socket) => server.emit("request", req, responseOnSocket(req, socket)));
server.on("clientError", answerClientError);

const served = serveDuringTests(server);

const TOO_LARGE = { error: { code: "payload_too_large", message: "The request body is too large." } };
const NOT_ALLOWED = { error: { code: "method_not_allowed", message: "This method is not allowed here." } };

describe("the server's refusals", () => {
  it("carry the API's own codes, statuses and messages", () => {
    for (const [code, refusal] of Object.entries(REFUSALS)) expect(API_ERRORS[code as keyof typeof API_ERRORS], code).toEqual(refusal);
    expect(API_ERRORS.payload_too_large).toEqual({ status: 413, message: "The request body is too large." });
  });
});

describe("request bodies over their route's limit", () => {
  const cases = [
    { target: "/api/v1/orders", limit: API_BODY_LIMIT, json: true },
    { target: "/api/v1/orders/abc?x=1", limit: API_BODY_LIMIT, json: true },
    { target: "/api/auth/callback/credentials", limit: AUTH_BODY_LIMIT, json: true },
    { target: "/api/v1/credentials/revoke", limit: CREDENTIAL_REPORT_BODY_LIMIT, json: true },
    { target: "/admin/settings/api-tokens", limit: DEFAULT_BODY_LIMIT, json: false },
  ];
  for (const { target, limit, json } of cases) {
    for (const chunked of [false, true]) {
      it(`${target} (${chunked ? "chunked" : "Content-Length"}): refused with 413 past ${limit} bytes, before the app reads them; whole at the limit`, async () => {
        reached.length = 0;
        const refused = await rawHttp(served.port(), { target, body: limit + 1, chunked });
        expect(refused.status).toBe(413);
        expect(refused.closed).toBe(true);
        expect(refused.headers.connection).toBe("close");
        if (json) expect(JSON.parse(refused.body)).toEqual(TOO_LARGE);
        else expect(refused.body).toBe("Payload Too Large");
        expect(reached).toEqual([]);

        const accepted = await rawHttp(served.port(), { target, body: limit, chunked });
        expect(accepted.status).toBe(200);
        expect(accepted.body).toBe(`read ${limit}`);
        expect(reached).toEqual([{ method: "POST", url: target, bytes: limit }]);
      });
    }
  }

  it("stops reading a body far over the limit: the connection is closed long before it is all sent", async () => {
    for (const chunked of [false, true]) {
      const refused = await rawHttp(served.port(), { target: "/api/auth/callback/credentials", body: 200 * 1024 * 1024, chunked });
      expect(refused.status).toBe(413);
      expect(refused.sent).toBeLessThan(50 * 1024 * 1024);
    }
  });

  it("odd spellings of an API path get a limit no larger than the API's", async () => {
    for (const target of ["/api//v1/orders", "/api/v1/../v1/orders", "/%61pi/v1/orders", "/API/V1/orders", "/x/../api/auth/signin"]) {
      expect((await rawHttp(served.port(), { target, body: API_BODY_LIMIT + 1 })).status, target).toBe(413);
    }
  });

  it("are refused before the client sends them when it waits for 100 Continue; smaller ones are asked for", async () => {
    const refused = await rawHttp(served.port(), { target: "/api/v1/orders", headers: { Expect: "100-continue" }, body: API_BODY_LIMIT + 1, bodyDelayMs: 300 });
    expect(refused.status).toBe(413);
    expect(refused.interim).toEqual([]);
    expect(refused.sent).toBe(0);
    const accepted = await rawHttp(served.port(), { target: "/api/v1/orders", headers: { Expect: "100-continue" }, body: 10, bodyDelayMs: 300 });
    expect(accepted.interim).toEqual([100]);
    expect(accepted.body).toBe("read 10");
  });

  it("leave requests without a body alone", async () => {
    const response = await fetch(`http://127.0.0.1:${served.port()}/api/v1/me`);
    expect(await response.text()).toBe("read 0");
  });
});

describe("TRACE, TRACK and CONNECT", () => {
  it("are refused with 405, in the API's error shape under /api and as plain text elsewhere, and never reach the app", async () => {
    reached.length = 0;
    for (const method of ["TRACE", "TRACK"]) {
      const api = await rawHttp(served.port(), { method, target: "/api/v1/me" });
      expect(api.status, method).toBe(405);
      expect(JSON.parse(api.body), method).toEqual(NOT_ALLOWED);
      const page = await rawHttp(served.port(), { method, target: "/admin" });
      expect(page.status, method).toBe(405);
      expect(page.body, method).toBe("Method Not Allowed");
      expect(page.headers["content-type"], method).toMatch(/^text\/plain/);
    }
    const connect = await rawHttp(served.port(), { method: "CONNECT", target: "example.com:443" });
    expect(connect.status).toBe(405);
    expect(connect.body).toBe("Method Not Allowed");
    expect(connect.closed).toBe(true);
    expect(reached).toEqual([]);
  });

  it("leave every other parse error answered as Node.js answers it", async () => {
    expect((await rawHttp(served.port(), { method: "TRACKS", target: "/" })).status).toBe(400);
    expect((await rawHttp(served.port(), { method: "GET", target: "/", headers: { "X-Big": "x".repeat(20_000) } })).status).toBe(431);
  });
});
