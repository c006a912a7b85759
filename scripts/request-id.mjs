// Every request gets an ID that travels with it: in the response (X-Request-Id), in the request log line
// and in API error bodies, so that a client's report and the server's log can be matched. A client's own
// ID is kept when it is a short, safe token (it ends up in logs and headers, so nothing that could forge
// a log line or a header is kept); anything else is replaced by a random one.
import crypto from "node:crypto";

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's X-Request-Id when it is safe to echo and log, else a new random one. */
export function requestIdFor(clientValue) {
  const value = Array.isArray(clientValue) ? clientValue[0] : clientValue;
  return typeof value === "string" && SAFE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
