import { CLIENT_ADDRESS_HEADER } from "./headers";

// The caller's address as our server recorded it from the connection (scripts/server.mjs, honouring
// TRUSTED_PROXY_HOPS). Clients cannot choose it: the server overwrites any header of that name.
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
