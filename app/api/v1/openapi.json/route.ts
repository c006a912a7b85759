import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// Public: describes the API, needs no token (middleware lets this path through without one).
export function GET() {
  return NextResponse.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
