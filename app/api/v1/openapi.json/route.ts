import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { otherMethods } from "@/lib/api/not-allowed";

// Public: describes the API, needs no token (middleware lets this path through without one).
export function GET() {
  return NextResponse.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}

const { notAllowed, options } = otherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
