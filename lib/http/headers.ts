import { REQUEST_ID_HEADER } from "./header-names.mjs";

export { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER, REQUEST_PATH_HEADER, TOKEN_ID_RESPONSE_HEADER } from "./header-names.mjs";

/** The ID our server gave this request; null only when the app runs without scripts/server.mjs (next dev). */
export function requestIdOf(headers: Headers): string | null {
  return headers.get(REQUEST_ID_HEADER);
}
