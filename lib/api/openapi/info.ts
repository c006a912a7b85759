import { API_BODY_LIMIT } from "../body-limits.mjs";
import { API_REFERENCE_PATH } from "../reference-path";

export const API_VERSION = "1.0.0";

export function info(origin: string) {
  return {
    title: "Platform API",
    version: API_VERSION,
    summary: "Call the platform on behalf of a token's owner.",
    description:
      "Call the platform on behalf of the token's owner. A request sees exactly what the owner sees in the panels: the owner's current permissions and visibility groups, read live at every request. Send `Authorization: Bearer <token>`.\n\n" +
      "Every response carries `X-Request-Id` (yours when you send a safe one: 1-128 of `A-Z a-z 0-9 . _ : -`), and every error body carries it as `error.requestId`. " +
      "Each token may make `RateLimit-Limit` requests an hour; every authenticated response reports `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets), and a spent quota is `429 rate_limited` with `Retry-After`. " +
      "`POST /orders` and `PATCH /orders/{id}` accept `Idempotency-Key`: a retry with the same key and the same request within 24 hours replays the first answer (marked `Idempotent-Replayed: true`) without writing again.\n\n" +
      "A method a path does not serve is `405 method_not_allowed` with `Allow`, which `OPTIONS` also answers (`204`). Unknown query parameters and body fields are `400 invalid_request`; " +
      `a write must be \`application/json\` (else \`415\`) of at most ${API_BODY_LIMIT} bytes (else \`413\`). Paths have no trailing slash (with one, \`404\` naming the path without it).\n\n` +
      "Cross-origin: this document is public and readable from any web page (`Access-Control-Allow-Origin: *`). The token-authenticated paths answer no cross-origin (CORS) requests, on purpose: a token is a server-side credential, and a web page that held one would hand it to every visitor and every script on that page. Call the API from your server.",
    contact: { name: "Platform API reference", url: origin + API_REFERENCE_PATH },
    license: { name: "Proprietary: for integrations with this platform", url: origin + API_REFERENCE_PATH + "#terms" },
  };
}

export const tags = [
  { name: "Account", description: "Who the token acts for." },
  { name: "Orders", description: "Orders in the owner's visibility groups: read with `orders:read`, create and change with `orders:write`." },
  { name: "Products", description: "Products in the owner's visibility groups, read with `products:read`." },
  { name: "Discovery", description: "The API's index and this document; no token needed." },
  { name: "Security", description: "Reporting leaked tokens; no token needed." },
];
