// The one logger: JSON lines on stdout through pino, written without blocking the event loop. Used by the
// app and by scripts/server.mjs (the request log), so plain JavaScript, and one per process (processWide):
// every bundle writes through the same buffered destination, so lines never interleave.
//
// Nothing secret may reach a log line: credentials are redacted by path (authorization headers, cookies,
// passwords, tokens), and any value shaped like one of our tokens is cut down to its public ID wherever
// it appears. Callers log an error by its class and code (errorFields), never by its message, which could
// echo submitted data.
import pino from "pino";
import { processWide } from "../process-state.mjs";

// pat_ + the 12-character token ID, then the secret and checksum: the ID stays (it identifies the token in
// the token list), everything after it goes.
const TOKEN_SHAPED = /(pat_[0-9A-Za-z]{12})_[0-9A-Za-z]+/g;
const REDACTED = "[redacted]";

function scrub(value, depth) {
  if (typeof value === "string") return value.includes("pat_") ? value.replace(TOKEN_SHAPED, `$1_${REDACTED}`) : value;
  if (depth > 3 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out = {};
  for (const key of Object.keys(value)) out[key] = scrub(value[key], depth + 1);
  return out;
}

function createLogger() {
  return pino(
    {
      level: process.env.LOG_LEVEL || "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (entry) => scrub(entry, 0),
      },
      redact: {
        paths: [
          "authorization",
          "cookie",
          "password",
          "token",
          "secret",
          "headers.authorization",
          "headers.cookie",
          "req.headers.authorization",
          "req.headers.cookie",
          "*.authorization",
          "*.cookie",
          "*.password",
          "*.token",
          "*.secret",
        ],
        censor: REDACTED,
      },
    },
    // Asynchronous: a line is handed to the operating system after the request's own work, not during it.
    // pino flushes what is still buffered when the process exits.
    pino.destination({ dest: 1, sync: false }),
  );
}

export const logger = processWide("platformLogger", createLogger);

/** An error as it may be logged: its class and, when it has one, its code; never its message. */
export function errorFields(error) {
  const { name, code } = error ?? {};
  return { error: String(name ?? "Error"), code: typeof code === "string" ? code : undefined };
}
