// Requests refused before they reach Next.js. Next.js answers 500 when a dynamic route's parameter is not
// valid percent-encoding (/api/v1/orders/%ff): it fails decoding it. Such a path names nothing, so it gets
// the 400 it deserves, in the API's error shape under /api (the same body as lib/api/errors.ts's
// invalid_request, which this plain-JavaScript server cannot import), with the request's ID as every API
// error carries it.
import { REQUEST_ID_HEADER } from "./request-id.mjs";

function invalidRequestBody(requestId) {
  const error = { code: "invalid_request", message: "The request is not valid." };
  return JSON.stringify({ error: requestId ? { ...error, requestId } : error });
}

function hasDecodablePath(url) {
  const raw = String(url ?? "");
  const cut = raw.search(/[?#]/);
  try {
    decodeURIComponent(cut === -1 ? raw : raw.slice(0, cut));
    return true;
  } catch {
    return false;
  }
}

/** Answers the request itself and returns true when it must not reach the app. */
export function refuseMalformed(req, res) {
  if (hasDecodablePath(req.url)) return false;
  const api = String(req.url).startsWith("/api/");
  res.writeHead(400, {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(api ? invalidRequestBody(req.headers[REQUEST_ID_HEADER]) : "Bad Request");
  return true;
}
