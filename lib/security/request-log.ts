// The request log (scripts/server.mjs) records which token authenticated each request. Middleware hands the
// token ID to the server in this response header; the server reads it and removes it before the response
// leaves, so clients never see it. It carries the ID only, never the secret.
export const TOKEN_ID_RESPONSE_HEADER = "x-platform-token-id";
