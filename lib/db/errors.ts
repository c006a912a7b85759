// Recognises "the database cannot be reached" among driver and Prisma errors, so that callers answer 503
// (try again) rather than 500, and never show the error itself.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P03", "53300", "P1001", "P1002", "P1017", "P2024", "SQLITE_BUSY", "SQLITE_CANTOPEN"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === "string" && UNAVAILABLE_CODES.has(current.code)) return true;
    const message = typeof current.message === "string" ? current.message : "";
    if (/ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect|Can't reach database|database is locked|DatabaseNotReachable/i.test(message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}
