import { authErrors, parameter, ref, response, success } from "../build";
import { optionsOperation } from "./options";

export const productPaths = {
  "/products": {
    get: {
      operationId: "listProducts",
      tags: ["Products"],
      summary: "List products",
      description: "Products in the owner's visibility groups, oldest ID first, a page at a time: follow `nextCursor` until it is `null`. Needs `products:read`.",
      parameters: [parameter("Limit"), parameter("Cursor")],
      responses: { "200": success("A page of products", ref("ProductPage")), "400": response("InvalidRequest"), "403": response("Forbidden"), ...authErrors },
    },
    options: optionsOperation("optionsProducts", "Products", "GET, HEAD, OPTIONS", "token"),
  },
  "/products/{id}": {
    get: {
      operationId: "getProduct",
      tags: ["Products"],
      summary: "Get a product",
      description: "One product. Needs `products:read`; a product outside the owner's visibility groups is `404`, as one that does not exist.",
      parameters: [parameter("RecordId")],
      responses: { "200": success("The product", ref("Product")), "400": response("InvalidRequest"), "403": response("Forbidden"), "404": response("NotFound"), ...authErrors },
    },
    options: optionsOperation("optionsProduct", "Products", "GET, HEAD, OPTIONS", "token", true),
  },
} as const;
