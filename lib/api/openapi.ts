import { PERMISSIONS } from "../access/permissions";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../data/page";
import { ORDER_STATUSES } from "../data/orders-statuses";
import { API_ERRORS } from "./errors";

// The OpenAPI 3.1 description of /api/v1. A test checks that it names exactly the routes the app serves.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

// Every answer carries its request's ID; every answer to an authenticated request reports the token's quota.
const requestIdHeader = { "X-Request-Id": header("RequestId") };
const quotaHeaders = { "RateLimit-Limit": header("RateLimitLimit"), "RateLimit-Remaining": header("RateLimitRemaining"), "RateLimit-Reset": header("RateLimitReset") };

const errorResponse = (description: string, extraHeaders: object = {}) => ({ description, headers: { ...requestIdHeader, ...extraHeaders }, ...json(ref("Error")) });
const success = (description: string, schema: object, extraHeaders: object = {}) => ({ description, headers: { ...requestIdHeader, ...quotaHeaders, ...extraHeaders }, ...json(schema) });
const publicSuccess = (description: string, schema: object) => ({ description, headers: requestIdHeader, ...json(schema) });

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 64 } };
const pageParameters = [
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
  { name: "cursor", in: "query", required: false, description: "The `nextCursor` of the previous page.", schema: { type: "string" } },
];

const authErrors = {
  "401": response("Unauthorized"),
  "429": response("RateLimited"),
  "503": response("Unavailable"),
};

// Order writes: safe to retry with an Idempotency-Key.
const idempotencyKeyParameter = { $ref: "#/components/parameters/IdempotencyKey" };
const writeErrors = {
  "400": response("InvalidRequest"),
  "403": response("Forbidden"),
  "409": response("IdempotencyConflict"),
  "413": response("PayloadTooLarge"),
  "415": response("UnsupportedMediaType"),
  "422": response("IdempotencyKeyReused"),
};
const replayedHeader = { "Idempotent-Replayed": header("IdempotentReplayed") };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Platform API",
    version: "1.0.0",
    description:
      "Call the platform on behalf of the token's owner. A request sees exactly what the owner sees in the panels: the owner's current permissions and visibility groups, read live at every request. Send `Authorization: Bearer <token>`.\n\n" +
      "Every response carries `X-Request-Id` (yours when you send a safe one: 1-128 of `A-Z a-z 0-9 . _ : -`), and every error body carries it as `error.requestId`. " +
      "Each token may make `RateLimit-Limit` requests an hour; every authenticated response reports `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window resets), and a spent quota is `429 rate_limited` with `Retry-After`. " +
      "`POST /orders` and `PATCH /orders/{id}` accept `Idempotency-Key`: a retry with the same key and the same request within 24 hours replays the first answer (marked `Idempotent-Replayed: true`) without writing again. " +
      "A method a path does not serve is `405` with `Allow`, which `OPTIONS` also answers (`204`). Unknown query parameters and body fields are `400`; a write must be `application/json` (else `415`) of at most 16 KiB (else `413`). Paths have no trailing slash (with one, `404` naming the path without it).",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerToken: [] }],
  paths: {
    "/": {
      get: {
        operationId: "getApiIndex",
        summary: "The API's name, version and where its documentation is (no token needed)",
        security: [],
        responses: { "200": publicSuccess("The API index", { type: "object" }) },
      },
    },
    "/me": {
      get: {
        operationId: "getMe",
        summary: "The token's owner, their permissions and visibility groups, and the token",
        responses: { "200": success("The caller", ref("Me")), "400": response("InvalidRequest"), ...authErrors },
      },
    },
    "/orders": {
      get: {
        operationId: "listOrders",
        summary: "Orders in the owner's visibility groups (needs orders:read)",
        parameters: pageParameters,
        responses: { "200": success("A page of orders", ref("OrderPage")), "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
      },
      post: {
        operationId: "createOrder",
        summary: "Create an order in one of the owner's visibility groups (needs orders:write)",
        parameters: [idempotencyKeyParameter],
        requestBody: { required: true, ...json(ref("CreateOrder")) },
        responses: { "201": success("The created order (or, replayed, the order the key created)", ref("Order"), replayedHeader), ...writeErrors, ...authErrors },
      },
    },
    "/orders/{id}": {
      get: {
        operationId: "getOrder",
        summary: "One order (needs orders:read); 404 when it is outside the owner's groups",
        parameters: [idParameter],
        responses: { "200": success("The order", ref("Order")), "400": response("InvalidRequest"), "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
      },
      patch: {
        operationId: "updateOrder",
        summary: "Change an order's status (needs orders:write)",
        parameters: [idParameter, idempotencyKeyParameter],
        requestBody: { required: true, ...json(ref("UpdateOrder")) },
        responses: { "200": success("The updated order (or, replayed, the first answer to this key)", ref("Order"), replayedHeader), ...writeErrors, "404": response("NotFound"), ...authErrors },
      },
    },
    "/products": {
      get: {
        operationId: "listProducts",
        summary: "Products in the owner's visibility groups (needs products:read)",
        parameters: pageParameters,
        responses: { "200": success("A page of products", ref("ProductPage")), "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
      },
    },
    "/products/{id}": {
      get: {
        operationId: "getProduct",
        summary: "One product (needs products:read); 404 when it is outside the owner's groups",
        parameters: [idParameter],
        responses: { "200": success("The product", ref("Product")), "400": response("InvalidRequest"), "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document (no token needed)",
        security: [],
        responses: { "200": publicSuccess("The OpenAPI document", { type: "object" }) },
      },
    },
    "/credentials/revoke": {
      post: {
        operationId: "revokeReportedCredentials",
        summary: "Report exposed tokens; every genuine one is revoked at once (no token needed)",
        description:
          "For anyone who finds tokens in a public place (a commit, a log, a paste). Each value that is a genuine, unrevoked token is revoked and its owner is told it was reported as exposed. The answer is the same whether or not any value was a real token. Rate limited per client address.",
        security: [],
        requestBody: {
          required: true,
          ...json({
            type: "object",
            required: ["credentials"],
            additionalProperties: false,
            properties: { credentials: { type: "array", minItems: 1, maxItems: 1000, items: { type: "string", maxLength: 200 } } },
          }),
        },
        responses: {
          "202": publicSuccess("The report was received", { type: "object", required: ["status"], properties: { status: { const: "accepted" } } }),
          "400": response("InvalidRequest"),
          "413": response("PayloadTooLarge"),
          "415": response("UnsupportedMediaType"),
          "429": response("RateLimited"),
          "503": response("Unavailable"),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description: "A personal access token: `pat_` + 12-character token ID + `_` + 32-character secret + 6-character CRC32 checksum, all base62.",
      },
    },
    headers: {
      RequestId: { description: "The request's ID: the client's own X-Request-Id when it is 1-128 of `A-Z a-z 0-9 . _ : -`, else a new one. Error bodies carry it as `error.requestId`.", schema: { type: "string", maxLength: 128 } },
      RateLimitLimit: { description: "Requests the token may make in an hour.", schema: { type: "integer", minimum: 1 } },
      RateLimitRemaining: { description: "Requests the token has left in the current hour.", schema: { type: "integer", minimum: 0 } },
      RateLimitReset: { description: "Seconds until the current window ends and the quota is whole again.", schema: { type: "integer", minimum: 1 } },
      RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 1 } },
      IdempotentReplayed: { description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key; nothing was written again.", schema: { type: "string", const: "true" } },
      Allow: { description: "The methods this path serves.", schema: { type: "string" } },
    },
    parameters: {
      IdempotencyKey: {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description:
          "Makes the write safe to retry. The first request with a key runs; a retry with the same key and the same method, path and body within 24 hours gets the first answer again (2xx and 4xx answers are kept; after a 5xx the key is free again) and writes nothing. The same key with another request is `422 idempotency_key_reused`; while the first request is still running, `409 idempotency_conflict`. Keys belong to the token.",
        schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
      },
    },
    responses: {
      Unauthorized: errorResponse("Missing, malformed, unknown, revoked, expired or wrong token, or an inactive owner (never says which)", {
        "WWW-Authenticate": { schema: { type: "string" } },
      }),
      Forbidden: errorResponse("The owner lacks the permission"),
      NotFound: errorResponse("No such record in the owner's visibility groups"),
      InvalidRequest: errorResponse("Bad input; the message starts with the field's name"),
      RateLimited: errorResponse("The token's hourly quota is spent (with the RateLimit-* headers), or too many failed authentications (or leaked-token reports) came from this address", {
        "Retry-After": header("RetryAfter"),
        ...quotaHeaders,
      }),
      Unavailable: errorResponse("The service cannot reach its database; try again", { "Retry-After": header("RetryAfter") }),
      MethodNotAllowed: errorResponse("The path does not serve this method; Allow names those it serves (OPTIONS answers 204 with the same Allow)", { Allow: header("Allow") }),
      IdempotencyConflict: errorResponse("The first request with this Idempotency-Key is still running; retry shortly", quotaHeaders),
      PayloadTooLarge: errorResponse("The body is larger than 16 KiB"),
      UnsupportedMediaType: errorResponse("The body is not declared as application/json"),
      IdempotencyKeyReused: errorResponse("This Idempotency-Key was used with another request (method, path or body)", quotaHeaders),
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: Object.keys(API_ERRORS) },
              message: { type: "string" },
              requestId: { type: "string", description: "The request's ID, as in the X-Request-Id header and the server's log." },
            },
          },
        },
      },
      VisibilityGroup: { type: "object", required: ["id", "name"], properties: { id: { type: "string" }, name: { type: "string" } } },
      Me: {
        type: "object",
        required: ["user", "permissions", "visibilityGroups", "token"],
        properties: {
          user: { type: "object", required: ["id", "email", "name"], properties: { id: { type: "string" }, email: { type: "string" }, name: { type: "string" } } },
          permissions: { type: "array", items: { type: "string", enum: [...PERMISSIONS] } },
          visibilityGroups: { type: "array", items: ref("VisibilityGroup") },
          token: { type: "object", required: ["id", "name"], properties: { id: { type: "string", pattern: "^[0-9A-Za-z]{12}$" }, name: { type: "string" } } },
        },
      },
      Order: {
        type: "object",
        required: ["id", "customer", "totalCents", "currency", "status", "createdAt", "updatedAt", "visibilityGroup"],
        properties: {
          id: { type: "string" },
          customer: { type: "string" },
          totalCents: { type: "integer" },
          currency: { type: "string" },
          status: { type: "string", enum: [...ORDER_STATUSES] },
          createdAt: { type: "string", format: "date-time" },
          updatedAt: { type: "string", format: "date-time" },
          visibilityGroup: ref("VisibilityGroup"),
        },
      },
      Product: {
        type: "object",
        required: ["id", "sku", "name", "priceCents", "createdAt", "visibilityGroup"],
        properties: {
          id: { type: "string" },
          sku: { type: "string" },
          name: { type: "string" },
          priceCents: { type: "integer" },
          createdAt: { type: "string", format: "date-time" },
          visibilityGroup: ref("VisibilityGroup"),
        },
      },
      OrderPage: { type: "object", required: ["data", "nextCursor"], properties: { data: { type: "array", items: ref("Order") }, nextCursor: { type: ["string", "null"] } } },
      ProductPage: { type: "object", required: ["data", "nextCursor"], properties: { data: { type: "array", items: ref("Product") }, nextCursor: { type: ["string", "null"] } } },
      CreateOrder: {
        type: "object",
        additionalProperties: false,
        required: ["customer", "totalCents", "visibilityGroupId"],
        properties: {
          customer: { type: "string", minLength: 1, maxLength: 200 },
          totalCents: { type: "integer", minimum: 0 },
          currency: { type: "string", pattern: "^[A-Z]{3}$", default: "EUR" },
          visibilityGroupId: { type: "string", description: "One of the owner's visibility groups" },
        },
      },
      UpdateOrder: {
        type: "object",
        additionalProperties: false,
        required: ["status"],
        properties: { status: { type: "string", enum: [...ORDER_STATUSES] } },
      },
    },
  },
} as const;
