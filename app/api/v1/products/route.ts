import { NextResponse } from "next/server";
import { scopeOf } from "@/lib/access/visibility";
import { apiRoute } from "@/lib/api/handler";
import { pageParams } from "@/lib/api/input";
import { listProducts } from "@/lib/data/products";

export const GET = apiRoute("products:read", async ({ request, principal }) =>
  NextResponse.json(await listProducts(scopeOf(principal), pageParams(request))),
);

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/lib/api/not-allowed";
