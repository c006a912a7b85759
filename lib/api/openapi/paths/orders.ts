import { API_BODY_LIMIT } from "../../body-limits.mjs";
import { authErrors, bodyErrors, header, json, parameter, ref, response, success } from "../build";
import { optionsOperation } from "./options";

const idempotentWriteErrors = {
  ...bodyErrors,
  "403": response("Forbidden"),
  "409": response("IdempotencyConflict"),
  "422": response("IdempotencyKeyReused"),
};
const replayedHeader = { "Idempotent-Replayed": header("IdempotentReplayed") };
const jsonBodyNote = `A JSON body (\`Content-Type: application/json\`) of at most ${API_BODY_LIMIT} bytes; unknown fields are refused.`;

export const orderPaths = {
  "/orders": {
    get: {
      operationId: "listOrders",
      tags: ["Orders"],
      summary: "List orders",
      description: "Orders in the owner's visibility groups, oldest ID first, a page at a time: follow `nextCursor` until it is `null`. Needs `orders:read`.",
      parameters: [parameter("Limit"), parameter("Cursor")],
      responses: { "200": success("A page of orders", ref("OrderPage")), "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
    },
    post: {
      operationId: "createOrder",
      tags: ["Orders"],
      summary: "Create an order",
      description: `Creates an order in one of the owner's visibility groups. Needs \`orders:write\`. Safe to retry with an \`Idempotency-Key\`.`,
      parameters: [parameter("IdempotencyKey")],
      requestBody: { required: true, description: jsonBodyNote, ...json(ref("CreateOrder")) },
      responses: { "201": success("The created order (or, replayed, the order the key created)", ref("Order"), replayedHeader), ...idempotentWriteErrors, ...authErrors },
    },
    options: optionsOperation("optionsOrders", "Orders", "GET, POST, HEAD, OPTIONS", "token"),
  },
  "/orders/{id}": {
    get: {
      operationId: "getOrder",
      tags: ["Orders"],
      summary: "Get an order",
      description: "One order. Needs `orders:read`; an order outside the owner's visibility groups is `404`, as one that does not exist.",
      parameters: [parameter("RecordId")],
      responses: { "200": success("The order", ref("Order")), "400": response("InvalidRequest"), "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
    },
    patch: {
      operationId: "updateOrder",
      tags: ["Orders"],
      summary: "Change an order's status",
      description: "Sets the order's status. Needs `orders:write`; an order outside the owner's visibility groups is `404`. Safe to retry with an `Idempotency-Key`.",
      parameters: [parameter("RecordId"), parameter("IdempotencyKey")],
      requestBody: { required: true, description: jsonBodyNote, ...json(ref("UpdateOrder")) },
      responses: {
        "200": success("The updated order (or, replayed, the first answer to this key)", ref("Order"), replayedHeader),
        ...idempotentWriteErrors,
        "404": response("NotFound"),
        ...authErrors,
      },
    },
    options: optionsOperation("optionsOrder", "Orders", "GET, PATCH, HEAD, OPTIONS", "token", true),
  },
} as const;
