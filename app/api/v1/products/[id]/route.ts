import { NextResponse } from "next/server";
import { scopeOf } from "@/lib/access/visibility";
import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { isRecordId } from "@/lib/api/input";
import { findProduct } from "@/lib/data/products";
import { otherMethods } from "@/lib/api/not-allowed";

export const GET = apiRoute<{ id: string }>("products:read", async ({ principal, params }) => {
  const product = isRecordId(params.id) ? await findProduct(scopeOf(principal), params.id) : null;
  if (!product) throw new ApiError("not_found");
  return NextResponse.json(product);
});

const { notAllowed, options } = otherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
