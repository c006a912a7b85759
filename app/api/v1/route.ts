import { NextResponse } from "next/server";
import { otherMethods } from "@/lib/api/not-allowed";

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

const { notAllowed, options } = otherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
