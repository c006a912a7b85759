// Request headers that our own server (scripts/server.mjs) and middleware set for the code behind them.
// Any copy a client sends is replaced before it is read.
export const REQUEST_PATH_HEADER = "x-platform-request-path";
export const PRINCIPAL_HEADER = "x-platform-principal";
export const CLIENT_ADDRESS_HEADER = "x-platform-client-address";
