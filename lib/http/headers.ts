// Request headers that our own server (scripts/server.mjs) and middleware set for the code behind them.
// Any copy a client sends is replaced before it is read.
export const REQUEST_PATH_HEADER = "x-platform-request-path";
export const PRINCIPAL_HEADER = "x-platform-principal";
export const CLIENT_ADDRESS_HEADER = "x-platform-client-address";
// The request's ID, chosen by scripts/server.mjs (scripts/request-id.mjs), which also answers it as X-Request-Id.
export const REQUEST_ID_HEADER = "x-platform-request-id";

/** The ID our server gave this request; null only when the app runs without scripts/server.mjs (next dev). */
export function requestIdOf(headers: Headers): string | null {
  return headers.get(REQUEST_ID_HEADER);
}
