import { CREDENTIAL_REPORT_BODY_LIMIT } from "../../body-limits.mjs";
import { header, json, publicSuccess, ref, response } from "../build";
import { optionsOperation } from "./options";

const corsHeader = { "Access-Control-Allow-Origin": header("CorsAllowOrigin") };

// The paths that need no token.
export const publicPaths = {
  "/": {
    get: {
      operationId: "getApiIndex",
      tags: ["Discovery"],
      summary: "The API's index",
      description: "The API's name and version, where this document and the reference are, and how to authenticate. Needs no token, so an integration can check it reaches the API first.",
      security: [],
      responses: { "200": publicSuccess("The API index", ref("ApiIndex")), "400": response("InvalidRequest") },
    },
    options: optionsOperation("optionsApiIndex", "Discovery", "GET, HEAD, OPTIONS", "public"),
  },
  "/openapi.json": {
    get: {
      operationId: "getOpenApi",
      tags: ["Discovery"],
      summary: "This OpenAPI document",
      description: "The OpenAPI 3.1 description of the API. Needs no token, and any web page may read it (`Access-Control-Allow-Origin: *`); the token-authenticated paths answer no cross-origin requests.",
      security: [],
      responses: { "200": publicSuccess("The OpenAPI document", ref("OpenApiDocument"), corsHeader), "400": response("InvalidRequest") },
    },
    options: optionsOperation("optionsOpenApi", "Discovery", "GET, HEAD, OPTIONS", "public"),
  },
  "/credentials/revoke": {
    post: {
      operationId: "revokeReportedCredentials",
      tags: ["Security"],
      summary: "Report exposed tokens",
      description:
        "For anyone who finds tokens in a public place (a commit, a log, a paste). Each value that is a genuine, unrevoked token is revoked at once and its owner is told it was reported as exposed. The answer is the same whether or not any value was a real token. Needs no token; rate limited per client address.",
      security: [],
      requestBody: {
        required: true,
        description: `A JSON body (\`Content-Type: application/json\`) of at most ${CREDENTIAL_REPORT_BODY_LIMIT} bytes.`,
        ...json(ref("CredentialReport")),
      },
      responses: {
        "202": publicSuccess("The report was received", ref("CredentialReportReceived")),
        "400": response("InvalidRequest"),
        "413": response("PayloadTooLarge"),
        "415": response("UnsupportedMediaType"),
        "429": response("RateLimited"),
        "503": response("Unavailable"),
      },
    },
    options: optionsOperation("optionsCredentialReport", "Security", "POST, OPTIONS", "public"),
  },
} as const;
