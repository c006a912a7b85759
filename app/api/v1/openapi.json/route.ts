import { NextResponse } from "next/server";
import { PUBLIC_DOCUMENT_CORS, PUBLIC_DOCUMENT_PREFLIGHT } from "@/lib/api/cors";
import { publicOtherMethods } from "@/lib/api/not-allowed";
import { openApiDocument } from "@/lib/api/openapi";
import { publicOrigin, publicRoute } from "@/lib/api/public-route";

// Public: describes the API, needs no token (publicRoute, not apiRoute), and any web
// page may read it (tools such as online editors and reference renderers fetch it cross-origin).
export const GET = publicRoute(
  (request) => NextResponse.json(openApiDocument(publicOrigin(request)), { headers: { "Cache-Control": "public, max-age=300" } }),
  { headers: PUBLIC_DOCUMENT_CORS },
);

const { notAllowed, options } = publicOtherMethods("GET");
const preflight = publicRoute(options, { headers: PUBLIC_DOCUMENT_PREFLIGHT });
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, preflight as OPTIONS };
