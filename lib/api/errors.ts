import { NextResponse } from "next/server";
import { isDatabaseUnavailable } from "../db/errors";
import { errorFields, logger } from "../log/logger.mjs";

// The one place that shapes API errors: {"error": {"code", "message", "requestId"}} with the matching
// status. Messages are fixed per code, so nothing internal (stack traces, SQL, which check failed) can leak.
// The request ID (also in the X-Request-Id header and the server's log line) lets a client's report be
// matched with the log; every caller must pass it, so no error body can go out without it.
export const API_ERRORS = {
  unauthorized: { status: 401, message: "A valid API token is required." },
  forbidden: { status: 403, message: "The token's owner does not have the permission this request needs." },
  not_found: { status: 404, message: "Not found." },
  invalid_request: { status: 400, message: "The request is not valid." },
  method_not_allowed: { status: 405, message: "This method is not allowed here." },
  idempotency_conflict: { status: 409, message: "A request with this Idempotency-Key is still being processed. Retry shortly." },
  payload_too_large: { status: 413, message: "The request body is too large." },
  unsupported_media_type: { status: 415, message: "The body must be JSON (Content-Type: application/json)." },
  idempotency_key_reused: { status: 422, message: "This Idempotency-Key was already used with a different request." },
  rate_limited: { status: 429, message: "Too many failed requests. Try again later." },
  unavailable: { status: 503, message: "The service is temporarily unavailable. Try again shortly." },
  internal: { status: 500, message: "Something went wrong on our side." },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export type ApiErrorOptions = { requestId: string | null; message?: string; headers?: Record<string, string> };

export function apiError(code: ApiErrorCode, options: ApiErrorOptions): NextResponse {
  const { status, message } = API_ERRORS[code];
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...options.headers };
  if (code === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="api"';
  const error: { code: ApiErrorCode; message: string; requestId?: string } = { code, message: options.message ?? message };
  if (options.requestId) error.requestId = options.requestId;
  return NextResponse.json({ error }, { status, headers });
}

/** Thrown by handlers for an expected refusal; turned into the matching error response. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message?: string,
  ) {
    super(message ?? API_ERRORS[code].message);
  }
}

/** The response for anything a handler or the token check (lib/api/authenticate.ts) throws. */
export function errorResponse(error: unknown, requestId: string | null): Response {
  if (error instanceof ApiError) return apiError(error.code, { requestId, message: error.message });
  if (isDatabaseUnavailable(error)) return apiError("unavailable", { requestId, headers: { "Retry-After": "5" } });
  // The message too: an unexpected failure needs it to be found. Token-shaped text is cut by the logger.
  logger.error({ event: "api_error", requestId, ...errorFields(error), message: String((error as Error)?.message ?? error).slice(0, 500) });
  return apiError("internal", { requestId });
}
