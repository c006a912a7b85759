import { NextResponse } from "next/server";
import { publicOtherMethods } from "@/lib/api/not-allowed";
import { API_VERSION } from "@/lib/api/openapi";
import { API_REFERENCE_PATH, OPENAPI_DOCUMENT_PATH } from "@/lib/api/reference-path";
import { publicRoute } from "@/lib/api/public-route";

// The API's front door: public, so an integration can check it reaches the API before it has a token.
export const GET = publicRoute(() =>
  NextResponse.json(
    {
      name: "Platform API",
      version: API_VERSION,
      documentation: OPENAPI_DOCUMENT_PATH,
      reference: API_REFERENCE_PATH,
      authentication: "Send a personal access token as `Authorization: Bearer <token>`.",
      resources: ["/api/v1/me", "/api/v1/orders", "/api/v1/products"],
    },
    { headers: { "Cache-Control": "no-store" } },
  ),
);

const { notAllowed, options } = publicOtherMethods("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
