import { PERMISSIONS } from "../access/permissions";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../data/page";
import { ORDER_STATUSES } from "../data/orders-statuses";
import { API_ERRORS } from "./errors";

// The OpenAPI 3.1 description of /api/v1. A test checks that it names exactly the routes the app serves.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });

const errorResponse = (description: string, extraHeaders: object = {}) => ({ description, headers: extraHeaders, ...json(ref("Error")) });

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

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Platform API",
    version: "1.0.0",
    description:
      "Call the platform on behalf of the token's owner. A request sees exactly what the owner sees in the panels: the owner's current permissions and visibility groups, read live at every request. Send `Authorization: Bearer <token>`.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearerToken: [] }],
  paths: {
    "/": {
      get: {
        operationId: "getApiIndex",
        summary: "The API's name, version and where its documentation is (no token needed)",
        security: [],
        responses: { "200": { description: "The API index", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
    "/me": {
      get: {
        operationId: "getMe",
        summary: "The token's owner, their permissions and visibility groups, and the token",
        responses: { "200": { description: "The caller", ...json(ref("Me")) }, ...authErrors },
      },
    },
    "/orders": {
      get: {
        operationId: "listOrders",
        summary: "Orders in the owner's visibility groups (needs orders:read)",
        parameters: pageParameters,
        responses: { "200": { description: "A page of orders", ...json(ref("OrderPage")) }, "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
      },
      post: {
        operationId: "createOrder",
        summary: "Create an order in one of the owner's visibility groups (needs orders:write)",
        requestBody: { required: true, ...json(ref("CreateOrder")) },
        responses: { "201": { description: "The created order", ...json(ref("Order")) }, "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
      },
    },
    "/orders/{id}": {
      get: {
        operationId: "getOrder",
        summary: "One order (needs orders:read); 404 when it is outside the owner's groups",
        parameters: [idParameter],
        responses: { "200": { description: "The order", ...json(ref("Order")) }, "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
      },
      patch: {
        operationId: "updateOrder",
        summary: "Change an order's status (needs orders:write)",
        parameters: [idParameter],
        requestBody: { required: true, ...json(ref("UpdateOrder")) },
        responses: { "200": { description: "The updated order", ...json(ref("Order")) }, "400": response("InvalidRequest"), "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
      },
    },
    "/products": {
      get: {
        operationId: "listProducts",
        summary: "Products in the owner's visibility groups (needs products:read)",
        parameters: pageParameters,
        responses: { "200": { description: "A page of products", ...json(ref("ProductPage")) }, "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
      },
    },
    "/products/{id}": {
      get: {
        operationId: "getProduct",
        summary: "One product (needs products:read); 404 when it is outside the owner's groups",
        parameters: [idParameter],
        responses: { "200": { description: "The product", ...json(ref("Product")) }, "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document (no token needed)",
        security: [],
        responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
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
          "202": { description: "The report was received", ...json({ type: "object", required: ["status"], properties: { status: { const: "accepted" } } }) },
          "400": response("InvalidRequest"),
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
    responses: {
      Unauthorized: errorResponse("Missing, malformed, unknown, revoked, expired or wrong token, or an inactive owner (never says which)", {
        "WWW-Authenticate": { schema: { type: "string" } },
      }),
      Forbidden: errorResponse("The owner lacks the permission"),
      NotFound: errorResponse("No such record in the owner's visibility groups"),
      InvalidRequest: errorResponse("Bad input; the message starts with the field's name"),
      RateLimited: errorResponse("Too many failed authentications (or leaked-token reports) from this address", { "Retry-After": { schema: { type: "integer" } } }),
      Unavailable: errorResponse("The service cannot reach its database; try again", { "Retry-After": { schema: { type: "integer" } } }),
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string", enum: Object.keys(API_ERRORS) }, message: { type: "string" } },
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
