// Requests refused before they reach Next.js, in the API's error shape under /api and as plain text
// elsewhere. The JSON bodies carry the same codes and messages as lib/api/errors.ts, which this
// plain-JavaScript server cannot import (tests/unit/request-guard.test.ts holds the two equal).
// Every refusal carries the request's ID (scripts/request-id.mjs), as every API error does.
import { ServerResponse, STATUS_CODES } from "node:http";
import { REQUEST_ID_HEADER } from "../lib/http/header-names.mjs";

export const REFUSALS = {
  invalid_request: { status: 400, message: "The request is not valid." },
  method_not_allowed: { status: 405, message: "This method is not allowed here." },
  payload_too_large: { status: 413, message: "The request body is too large." },
};

function pathOf(target) {
  const raw = String(target ?? "");
  const cut = raw.search(/[?#]/);
  return cut === -1 ? raw : raw.slice(0, cut);
}

export function isApiPath(target) {
  return pathOf(target).startsWith("/api/");
}

function refusalBody(code, api, requestId) {
  if (!api) return STATUS_CODES[REFUSALS[code].status];
  const error = { code, message: REFUSALS[code].message };
  return JSON.stringify({ error: requestId ? { ...error, requestId } : error });
}

function refusalHeaders(api) {
  return { "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
}

/** Answers the request with the refusal named by `code`; `close` also ends the connection once it is sent. */
export function refuse(req, res, code, { close = false } = {}) {
  const api = isApiPath(req.url);
  const body = refusalBody(code, api, req.headers[REQUEST_ID_HEADER]);
  res.writeHead(REFUSALS[code].status, { ...refusalHeaders(api), "Content-Length": Buffer.byteLength(body), ...(close ? { Connection: "close" } : {}) });
  res.end(body);
}

// Next.js answers 500 when a dynamic route's parameter is not valid percent-encoding
// (/api/v1/orders/%ff): it fails decoding it. Such a path names nothing, so it gets the 400 it deserves.
function hasDecodablePath(url) {
  try {
    decodeURIComponent(pathOf(url));
    return true;
  } catch {
    return false;
  }
}

/** Answers the request itself and returns true when its path must not reach the app. */
export function refuseMalformed(req, res) {
  if (hasDecodablePath(req.url)) return false;
  refuse(req, res, "invalid_request");
  return true;
}

// Methods the app serves nowhere. Next.js cannot even build a request for them (the fetch standard forbids
// them): TRACE made it answer 500 and log a stack trace on every path the middleware covers. TRACE and
// TRACK echo a request back (cross-site tracing); CONNECT asks for a tunnel.
const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Answers 405 and returns true for a method that must not reach the app. */
export function refuseMethod(req, res) {
  if (!REFUSED_METHODS.has(req.method)) return false;
  refuse(req, res, "method_not_allowed", { close: req.method === "CONNECT" });
  return true;
}

// Node.js hands a CONNECT request over as a bare socket (for a tunnel) instead of to the request handler,
// and closes it unanswered when nobody takes it: this gives it an ordinary response, so that it goes
// through the same handler (request log, refusal) as every other request.
export function responseOnSocket(req, socket) {
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.on("finish", () => socket.end());
  return res;
}

// Node.js's parser refuses a method it does not know before any request exists, and TRACK is one of them.
// Its refusal is a bare 400; TRACK gets the same 405 as TRACE. Every other parse error is answered as
// Node.js answers it when nobody listens for them.
const PARSE_ERROR_STATUS = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };
const TRACK_REQUEST_LINE = /^TRACK (\S*)/;

export function answerClientError(error, socket) {
  // Nothing may be written into a response already under way on this connection.
  if (socket.writable && !socket._httpMessage?._headerSent) {
    const track = error.code === "HPE_INVALID_METHOD" ? TRACK_REQUEST_LINE.exec(Buffer.from(error.rawPacket ?? []).toString("latin1")) : null;
    if (track) {
      const api = isApiPath(track[1]);
      const body = Buffer.from(refusalBody("method_not_allowed", api));
      const headers = Object.entries({ ...refusalHeaders(api), "Content-Length": body.length, Connection: "close" }).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 405 ${STATUS_CODES[405]}\r\n${headers.join("")}\r\n`, "latin1"), body]));
    } else {
      const status = PARSE_ERROR_STATUS[error.code] ?? 400;
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
    }
  }
  socket.destroy(error);
}
