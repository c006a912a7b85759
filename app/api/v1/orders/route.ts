import { NextResponse } from "next/server";
import { z } from "zod";
import { scopeOf, canSeeGroup } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { jsonBody, PAGE_PARAMS, pageParams } from "@/lib/api/input";
import { createOrder, listOrders } from "@/lib/data/orders";
import { CURRENCY_PATTERN, DEFAULT_CURRENCY, MAX_CUSTOMER_LENGTH, MAX_GROUP_ID_LENGTH, MAX_TOTAL_CENTS } from "@/lib/data/order-rules";
import { otherMethods } from "@/lib/api/not-allowed";

export const GET = apiRoute(
  "orders:read",
  async ({ request, principal }) => NextResponse.json(await listOrders(scopeOf(principal), pageParams(request))),
  { query: PAGE_PARAMS },
);

const createOrderSchema = z
  .object({
    customer: z.string().trim().min(1, "is required").max(MAX_CUSTOMER_LENGTH, `must be at most ${MAX_CUSTOMER_LENGTH} characters`),
    totalCents: z.number().int("must be an integer").min(0, "must not be negative").max(MAX_TOTAL_CENTS, "is too large"),
    currency: z.string().regex(CURRENCY_PATTERN, "must be a three-letter ISO 4217 code").default(DEFAULT_CURRENCY),
    visibilityGroupId: z.string().min(1, "is required").max(MAX_GROUP_ID_LENGTH),
  })
  .strict();

export const POST = apiRoute("orders:write", async ({ request, principal }) => {
  const input = await jsonBody(request, createOrderSchema);
  const scope = scopeOf(principal);
  // A token can only place records in its owner's own groups.
  if (!canSeeGroup(scope, input.visibilityGroupId)) throw new ApiError("invalid_request", "visibilityGroupId: is not one of your visibility groups.");
  const order = await createOrder({ customer: input.customer, totalCents: input.totalCents, currency: input.currency, groupId: input.visibilityGroupId });
  return NextResponse.json(order, { status: 201 });
}, { idempotent: true });

const { notAllowed, options } = otherMethods("GET", "POST");
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
