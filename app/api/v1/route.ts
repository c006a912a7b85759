import { NextResponse } from "next/server";

// The API's front door: public, so an integration can check it reaches the API before it has a token.
export function GET() {
  return NextResponse.json(
    {
      name: "Platform API",
      version: "1.0.0",
      documentation: "/api/v1/openapi.json",
      authentication: "Send a personal access token as `Authorization: Bearer <token>`.",
      resources: ["/api/v1/me", "/api/v1/orders", "/api/v1/products"],
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/lib/api/not-allowed";
