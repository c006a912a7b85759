import { API_BODY_LIMIT } from "../../body-limits.mjs";
import { errorBody, header, quotaHeaders } from "../build";

export const responses = {
  Unauthorized: errorBody("Missing, malformed, unknown, revoked, expired or wrong token, or an inactive owner (never says which)", {
    "WWW-Authenticate": header("WwwAuthenticate"),
  }),
  Forbidden: errorBody("The owner lacks the permission", quotaHeaders),
  NotFound: errorBody("No such record in the owner's visibility groups", quotaHeaders),
  InvalidRequest: errorBody("Bad input (an unknown query parameter or body field included); the message starts with the field's name"),
  RateLimited: errorBody(
    "The token's hourly quota is spent (with the RateLimit-* headers), or too many failed authentications (or leaked-token reports) came from this address",
    { "Retry-After": header("RetryAfter"), ...quotaHeaders },
  ),
  Unavailable: errorBody("The service cannot reach its database; try again", { "Retry-After": header("RetryAfter") }),
  IdempotencyConflict: errorBody("The first request with this Idempotency-Key is still running; retry shortly", quotaHeaders),
  PayloadTooLarge: errorBody(`The body is larger than the operation accepts (${API_BODY_LIMIT} bytes for the order writes; see each request body)`),
  UnsupportedMediaType: errorBody("The body is not declared as `Content-Type: application/json`"),
  IdempotencyKeyReused: errorBody("This Idempotency-Key was used with another request (method, path or body)", quotaHeaders),
} as const;
