// Cross-origin reading is allowed for the public OpenAPI document only. The token-authenticated paths send
// no CORS headers on purpose: a token is a server-side credential, and a browser page holding one would
// give it to every visitor and script on that page.
export const PUBLIC_DOCUMENT_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "X-Request-Id",
} as const;

/** The answer to a CORS preflight for the public document: reading only. */
export const PUBLIC_DOCUMENT_PREFLIGHT = {
  ...PUBLIC_DOCUMENT_CORS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "X-Request-Id",
  "Access-Control-Max-Age": "86400",
} as const;
