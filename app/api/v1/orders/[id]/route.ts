import { NextResponse } from "next/server";
import { z } from "zod";
import { scopeOf } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { isRecordId, jsonBody } from "@/lib/api/input";
import { findOrder, ORDER_STATUSES, updateOrderStatus } from "@/lib/data/orders";
import { otherMethods } from "@/lib/api/not-allowed";

export const GET = apiRoute<{ id: string }>("orders:read", async ({ principal, params }) => {
  const order = isRecordId(params.id) ? await findOrder(scopeOf(principal), params.id) : null;
  if (!order) throw new ApiError("not_found");
  return NextResponse.json(order);
});

const updateOrderSchema = z.object({ status: z.enum(ORDER_STATUSES, "must be one of " + ORDER_STATUSES.join(", ")) }).strict();

export const PATCH = apiRoute<{ id: string }>("orders:write", async ({ request, principal, params }) => {
  if (!isRecordId(params.id)) throw new ApiError("not_found");
  const input = await jsonBody(request, updateOrderSchema);
  const order = await updateOrderStatus(scopeOf(principal), params.id, input.status);
  if (!order) throw new ApiError("not_found");
  return NextResponse.json(order);
}, { idempotent: true });

const { notAllowed, options } = otherMethods("GET", "PATCH");
export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE, options as OPTIONS };
