// One JSON line per request: method, path, status, duration, client address, request ID and, when a
// token authenticated it, the token ID. Never the query string (clients put secrets there), never a header
// value, and never a token's secret even when a client puts a whole token in the path.
export const TOKEN_ID_RESPONSE_HEADER = "x-platform-token-id";

const MAX_PATH_LENGTH = 512;
// pat_ + 12-character ID + _ + secret and checksum: the ID is kept, everything after it is not.
const TOKEN_IN_PATH = /pat_([0-9A-Za-z]{12})_[^/]*/g;
const TOKEN_ID = /^[0-9A-Za-z]{12}$/;

/** The path as it may be logged: no query string or fragment, no token secrets, bounded in length. */
export function loggablePath(url) {
  const raw = String(url ?? "");
  const cut = raw.search(/[?#]/);
  const path = cut === -1 ? raw : raw.slice(0, cut);
  return path.replace(TOKEN_IN_PATH, "pat_$1_[redacted]").slice(0, MAX_PATH_LENGTH);
}

// Removes the header from the response (set with setHeader, or passed to writeHead) and returns its value.
function takeHeader(res, headerArgs) {
  let value = res.getHeader(TOKEN_ID_RESPONSE_HEADER);
  res.removeHeader(TOKEN_ID_RESPONSE_HEADER);
  for (const headers of headerArgs) {
    if (Array.isArray(headers)) {
      for (let i = headers.length - 2; i >= 0; i -= 2) {
        if (String(headers[i]).toLowerCase() === TOKEN_ID_RESPONSE_HEADER) {
          value = headers[i + 1];
          headers.splice(i, 2);
        }
      }
    } else if (headers && typeof headers === "object") {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === TOKEN_ID_RESPONSE_HEADER) {
          value = headers[name];
          delete headers[name];
        }
      }
    }
  }
  const text = String(value ?? "");
  return TOKEN_ID.test(text) ? text : undefined;
}

/** Logs the request when its response is done, and keeps the token ID header from reaching the client. */
// Written to stdout directly: console.log inside a request is decorated by Next.js (dimmed with ANSI codes).
export function logRequest(req, res, { address, requestId, write = (line) => process.stdout.write(`${line}\n`) }) {
  const started = process.hrtime.bigint();
  let tokenId;
  // Node sends headers through writeHead, also when the app never calls it (res.write/end call it).
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    tokenId = takeHeader(res, rest.filter((arg) => typeof arg === "object"));
    return writeHead.call(this, statusCode, ...rest);
  };
  res.on("close", () => {
    const entry = {
      event: "request",
      method: req.method,
      path: loggablePath(req.url),
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      address,
    };
    if (requestId) entry.requestId = requestId;
    if (tokenId) entry.tokenId = tokenId;
    if (!res.writableFinished) entry.aborted = true;
    write(JSON.stringify(entry));
  });
}
