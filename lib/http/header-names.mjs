// Headers that our own server (scripts/server.mjs) and the app hand each other. Plain JavaScript so that
// the server, which runs without a build step, imports the same names as the app.

// Request headers the server and middleware set for the code behind them. Any copy a client sends is
// replaced before it is read.
export const REQUEST_PATH_HEADER = "x-platform-request-path";
export const CLIENT_ADDRESS_HEADER = "x-platform-client-address";
// The request's ID, chosen by the server (scripts/request-id.mjs), which also answers it as X-Request-Id.
export const REQUEST_ID_HEADER = "x-platform-request-id";
export const REQUEST_ID_RESPONSE_HEADER = "X-Request-Id";

// The request log records which token authenticated each request. The API's authentication
// (lib/api/authenticate.ts) hands the token ID to the server in this response header; the server reads it and removes it before the response leaves, so
// clients never see it. It carries the ID only, never the secret.
export const TOKEN_ID_RESPONSE_HEADER = "x-platform-token-id";
