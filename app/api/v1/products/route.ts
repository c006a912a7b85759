import { NextResponse } from "next/server";
import { scopeOf } from "@/lib/access/visibility";
import { apiRoute } from "@/lib/api/handler";
import { PAGE_PARAMS, pageParams } from "@/lib/api/input";
import { listProducts } from "@/lib/data/products";
import { otherMethods } from "@/lib/api/not-allowed";

export const GET = apiRoute(
  "products:read",
  async ({ request, principal }) => NextResponse.json(await listProducts(scopeOf(principal), pageParams(request))),
  { query: PAGE_PARAMS },
);

const { notAllowed, options } = otherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
