// An integration as one would write it with the generated types: every operation of the API, through
// openapi-fetch. Type-checked against the types generated from the served document, then run against it.
import createClient from "openapi-fetch";
import type { paths } from "../generated/schema";

type Options = { baseUrl: string; token: string; visibilityGroupId: string; idempotencyKey: string };

function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function exercise({ baseUrl, token, visibilityGroupId, idempotencyKey }: Options) {
  const anonymous = createClient<paths>({ baseUrl });
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  const index = ok(await anonymous.GET("/"), "getApiIndex");
  const document = ok(await anonymous.GET("/openapi.json"), "getOpenApi");
  const me = ok(await client.GET("/me"), "getMe");

  // Created without a currency: the generated request type must leave it optional.
  const body = { customer: "  Generated client  ", totalCents: 1234, visibilityGroupId };
  const created = await client.POST("/orders", { params: { header: { "Idempotency-Key": idempotencyKey } }, body });
  const order = ok(created, "createOrder");
  const retried = await client.POST("/orders", { params: { header: { "Idempotency-Key": idempotencyKey } }, body });
  const replayed = ok(retried, "createOrder (retry)");
  await client.POST("/orders", { body: { customer: "Second", totalCents: 1, currency: "USD", visibilityGroupId } });

  const orderIds: string[] = [];
  let cursor: string | undefined;
  let orderPages = 0;
  do {
    const page = ok(await client.GET("/orders", { params: { query: { limit: 1, cursor } } }), "listOrders");
    orderIds.push(...page.data.map((each) => each.id));
    cursor = page.nextCursor ?? undefined;
    orderPages += 1;
  } while (cursor);

  const fetched = ok(await client.GET("/orders/{id}", { params: { path: { id: order.id } } }), "getOrder");
  const updated = ok(await client.PATCH("/orders/{id}", { params: { path: { id: order.id }, header: { "Idempotency-Key": `${idempotencyKey}-paid` } }, body: { status: "paid" } }), "updateOrder");

  const products = ok(await client.GET("/products", { params: { query: { limit: 2 } } }), "listProducts");
  const firstProduct = products.data[0];
  const product = firstProduct ? ok(await client.GET("/products/{id}", { params: { path: { id: firstProduct.id } } }), "getProduct") : null;

  const report = ok(await anonymous.POST("/credentials/revoke", { body: { credentials: ["not-a-token"] } }), "revokeReportedCredentials");

  const allowed: Record<string, string | null> = {};
  for (const [path, answer] of [
    ["/", await anonymous.OPTIONS("/")],
    ["/openapi.json", await anonymous.OPTIONS("/openapi.json")],
    ["/credentials/revoke", await anonymous.OPTIONS("/credentials/revoke")],
    ["/me", await client.OPTIONS("/me")],
    ["/orders", await client.OPTIONS("/orders")],
    ["/orders/{id}", await client.OPTIONS("/orders/{id}", { params: { path: { id: order.id } } })],
    ["/products", await client.OPTIONS("/products")],
    ["/products/{id}", await client.OPTIONS("/products/{id}", { params: { path: { id: firstProduct?.id ?? "none" } } })],
  ] as const) {
    allowed[path] = answer.response.status === 204 ? answer.response.headers.get("Allow") : null;
  }

  // A refusal comes back typed as the documented error.
  const refused = await client.GET("/orders/{id}", { params: { path: { id: "no-such-order" } } });
  const refusal = refused.error?.error.code ?? null;

  return {
    index: index.name,
    openapi: document.openapi,
    tokenId: me.token.id,
    created: { id: order.id, customer: order.customer, currency: order.currency, status: created.response.status },
    replayed: { id: replayed.id, header: retried.response.headers.get("Idempotent-Replayed") },
    orderIds,
    orderPages,
    fetched: fetched.id,
    updated: updated.status,
    products: products.data.length,
    product: product?.id ?? null,
    report: report.status,
    allowed,
    refusal,
  };
}
