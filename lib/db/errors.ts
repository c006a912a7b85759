// Recognises "the database cannot be reached" among driver and Prisma errors, so that callers answer 503
// (try again) rather than 500, and never show the error itself.
// PostgreSQL: 57P01-57P03 (shutting down, restarting, starting up), 53300 (too many connections), class 08
// (connection exceptions).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN",
  "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006",
  "P1001", "P1002", "P1017", "P2024", "SQLITE_BUSY", "SQLITE_CANTOPEN",
]);

type ErrorLike = { code?: unknown; cause?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown } };

export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const current = pending.shift() as ErrorLike | undefined;
    if (!current || typeof current !== "object") continue;
    if (typeof current.code === "string" && UNAVAILABLE_CODES.has(current.code)) return true;
    const message = typeof current.message === "string" ? current.message : "";
    if (/ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect|Can't reach database|database is locked|DatabaseNotReachable/i.test(message)) return true;
    // Prisma reports a driver's error as its own (P2010 and the like) and keeps the database's code under
    // meta.driverAdapterError.cause: a PostgreSQL restart ends every open connection with 57P01 that way.
    pending.push(current.cause, current.meta?.driverAdapterError);
  }
  return false;
}
