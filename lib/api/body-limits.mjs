// How large a request body each part of the app accepts, in bytes. Plain JavaScript so that the production
// server (scripts/server.mjs), which refuses larger bodies before anything reads them, and the route
// handlers' own checks (lib/api/input.ts) share one number.

/** A JSON body of the REST API. */
export const API_BODY_LIMIT = 16 * 1024;
/** A leaked-credential report: up to 1,000 values of up to 200 characters each. */
export const CREDENTIAL_REPORT_BODY_LIMIT = 256 * 1024;
/** next-auth's forms: a sign-in is a CSRF token, an email, a password and a callback URL. */
export const AUTH_BODY_LIMIT = 8 * 1024;
/** Everything else: pages and server actions (Next.js's own limit for a server action is 1 MB). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const CREDENTIAL_REPORT_PATH = "/api/v1/credentials/revoke";

/** The limit for a request to `pathname` (decoded, without the query string). */
export function bodyLimitFor(pathname) {
  if (pathname === CREDENTIAL_REPORT_PATH) return CREDENTIAL_REPORT_BODY_LIMIT;
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return API_BODY_LIMIT;
  if (pathname.startsWith("/api/auth/")) return AUTH_BODY_LIMIT;
  return DEFAULT_BODY_LIMIT;
}
