import { PERMISSIONS } from "../../../access/permissions";
import { ORDER_STATUSES } from "../../../data/orders-statuses";
import { CURRENCY_PATTERN, DEFAULT_CURRENCY, MAX_CUSTOMER_LENGTH, MAX_GROUP_ID_LENGTH, MAX_TOTAL_CENTS } from "../../../data/order-rules";
import { API_ERRORS } from "../../errors";
import { RECORD_ID_PATTERN } from "../../input";
import { ref } from "../build";

const recordId = { type: "string", pattern: RECORD_ID_PATTERN.source };
const page = (item: string) => ({
  type: "object",
  required: ["data", "nextCursor"],
  properties: {
    data: { type: "array", items: ref(item) },
    nextCursor: { description: "Pass as `cursor` for the next page; `null` on the last page.", oneOf: [recordId, { type: "null" }] },
  },
});

export const schemas = {
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
      id: recordId,
      customer: { type: "string", minLength: 1, maxLength: MAX_CUSTOMER_LENGTH },
      totalCents: { type: "integer", minimum: 0, maximum: MAX_TOTAL_CENTS },
      currency: { type: "string", pattern: CURRENCY_PATTERN.source },
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
      id: recordId,
      sku: { type: "string" },
      name: { type: "string" },
      priceCents: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
      visibilityGroup: ref("VisibilityGroup"),
    },
  },
  OrderPage: page("Order"),
  ProductPage: page("Product"),
  CreateOrder: {
    type: "object",
    additionalProperties: false,
    required: ["customer", "totalCents", "visibilityGroupId"],
    properties: {
      customer: {
        type: "string",
        minLength: 1,
        maxLength: MAX_CUSTOMER_LENGTH,
        pattern: "\\S",
        description: `Spaces at either end are removed before it is checked and stored: 1 to ${MAX_CUSTOMER_LENGTH} characters remain.`,
      },
      totalCents: { type: "integer", minimum: 0, maximum: MAX_TOTAL_CENTS, description: "The order's total in the currency's minor unit." },
      // The default is stated in words, not as `default`: generators would make a property with a default
      // required in the request type, and the field may be left out.
      currency: { type: "string", pattern: CURRENCY_PATTERN.source, description: `ISO 4217 code; \`${DEFAULT_CURRENCY}\` when left out.` },
      visibilityGroupId: { type: "string", minLength: 1, maxLength: MAX_GROUP_ID_LENGTH, description: "One of the owner's visibility groups (see `GET /me`)." },
    },
  },
  UpdateOrder: {
    type: "object",
    additionalProperties: false,
    required: ["status"],
    properties: { status: { type: "string", enum: [...ORDER_STATUSES] } },
  },
  CredentialReport: {
    type: "object",
    required: ["credentials"],
    additionalProperties: false,
    properties: { credentials: { type: "array", minItems: 1, maxItems: 1000, items: { type: "string", maxLength: 200 } } },
  },
  CredentialReportReceived: { type: "object", required: ["status"], properties: { status: { type: "string", enum: ["accepted"] } } },
  ApiIndex: {
    type: "object",
    required: ["name", "version", "documentation", "reference", "authentication", "resources"],
    properties: {
      name: { type: "string" },
      version: { type: "string" },
      documentation: { type: "string", description: "Where this OpenAPI document is." },
      reference: { type: "string", description: "The human-readable API reference." },
      authentication: { type: "string" },
      resources: { type: "array", items: { type: "string" } },
    },
  },
  OpenApiDocument: {
    type: "object",
    description: "An OpenAPI 3.1 document (this one).",
    required: ["openapi", "info", "paths"],
    properties: { openapi: { type: "string", pattern: "^3\\.1\\.\\d+$" }, info: { type: "object" }, paths: { type: "object" } },
  },
} as const;
