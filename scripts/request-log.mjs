// One JSON line per request: method, path, status, duration, client address, request ID and, when a
// token authenticated it, the token ID. Never the query string (clients put secrets there), never a header
// value, and never a token's secret even when a client puts a whole token in the path.
import { TOKEN_ID_RESPONSE_HEADER } from "../lib/http/header-names.mjs";
import { logger } from "../lib/log/logger.mjs";

const MAX_PATH_LENGTH = 512;
const DECODE_ROUNDS = 3;
// Anything after a token's prefix, however spelled: pat_ + the 12-character ID when it is one (kept), then
// everything up to the next slash (not kept).
const TOKEN_IN_PATH = /pat_(?:([0-9A-Za-z]{12})(?![0-9A-Za-z]))?([^/]*)/gi;
// A token's secret and checksum are 38 base62 characters; any run of 32 or more may be a secret or a part of
// one, wherever it stands.
const SECRET_LIKE = /[0-9A-Za-z]{32,}/g;
const TOKEN_ID = /^[0-9A-Za-z]{12}$/;

// Percent-decoding that never fails: a run of escapes that is not valid UTF-8 decodes with replacement
// characters, so a secret cannot hide from the redaction behind one bad escape. Later rounds (a path encoded
// twice over still shows a secret once decoded twice) decode only what is valid.
function decodePath(path) {
  let decoded = path;
  for (let round = 0; round < DECODE_ROUNDS && decoded.includes("%"); round++) {
    decoded = decoded.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return round === 0 ? Buffer.from(run.replaceAll("%", ""), "hex").toString("utf8") : run;
      }
    });
  }
  return decoded;
}

// Back to printable ASCII, so that a log line never carries control characters or look-alike letters.
function encodeForLog(path) {
  return path.replace(/[^\x21-\x24\x26-\x7e]/gu, (char) =>
    Array.from(Buffer.from(char, "utf8"), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

/**
 * The path as it may be logged: no query string or fragment, decoded as the app reads it (so that no
 * spelling of a token escapes the redaction) and written back in printable ASCII, no token secrets, bounded
 * in length.
 */
export function loggablePath(url) {
  const raw = String(url ?? "");
  const cut = raw.search(/[?#]/);
  const redacted = decodePath(cut === -1 ? raw : raw.slice(0, cut))
    .replace(TOKEN_IN_PATH, (_, tokenId, rest) => (tokenId ? `pat_${tokenId}${rest ? "_[redacted]" : ""}` : "pat_[redacted]"))
    .replace(SECRET_LIKE, "[redacted]");
  return encodeForLog(redacted).slice(0, MAX_PATH_LENGTH);
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
export function logRequest(req, res, { address, requestId, write = (entry) => logger.info(entry) }) {
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
    write(entry);
  });
}
