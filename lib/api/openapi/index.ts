import { headers } from "./components/headers";
import { parameters } from "./components/parameters";
import { responses } from "./components/responses";
import { schemas } from "./components/schemas";
import { info, tags } from "./info";
import { accountPaths } from "./paths/account";
import { orderPaths } from "./paths/orders";
import { productPaths } from "./paths/products";
import { publicPaths } from "./paths/public";

export { API_VERSION } from "./info";

/**
 * Where clients send requests: this deployment's absolute URL, so a generated client can use it as it is;
 * relative to the document on a loopback host, whose name would mean another machine to anyone else.
 */
function serverFor(origin: string) {
  const { hostname } = new URL(origin);
  const loopback = hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || hostname.startsWith("127.");
  return loopback
    ? { url: "/api/v1", description: "This deployment (relative to where this document is served)" }
    : { url: `${origin}/api/v1`, description: "This deployment" };
}

/**
 * The OpenAPI 3.1 description of /api/v1, for the deployment at `origin` (its public URL). Tests check that it names
 * exactly the routes the app serves, that both common linters pass it without a warning, and that every
 * response the API test suite sees matches it.
 */
export function openApiDocument(origin: string) {
  return {
    openapi: "3.1.0",
    info: info(origin),
    servers: [serverFor(origin)],
    security: [{ bearerToken: [] }],
    tags,
    paths: { ...publicPaths, ...accountPaths, ...orderPaths, ...productPaths },
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token: `pat_` + 12-character token ID + `_` + 32-character secret + 6-character CRC32 checksum, all base62.",
        },
      },
      headers,
      parameters,
      responses,
      schemas,
    },
  };
}
