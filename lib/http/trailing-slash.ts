import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "../api/errors";
import { requestIdOf } from "./headers";

const API_INDEX = "/api/v1";
const API_INDEX_WITH_SLASH = `${API_INDEX}/`;

/**
 * A path with a trailing slash. A page is redirected (308) to the same path without it, as Next.js does
 * by default. Under /api it is a JSON 404 that names the path to use, as the APIs clients know answer
 * it: Next.js replaces the body of any redirect middleware returns with plain text, so an API redirect could
 * not be JSON, and each resource keeps a single URL.
 */
export function answerTrailingSlash(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (pathname.length < 2 || !pathname.endsWith("/")) return null;
  // The API's index is the one exception: the OpenAPI document names it `/` under the server URL
  // `/api/v1`, and every client built from the document joins the two into `/api/v1/`.
  if (pathname === API_INDEX_WITH_SLASH) return NextResponse.rewrite(new URL(API_INDEX + search, request.url));
  const trimmed = pathname.replace(/\/+$/, "");
  // Protocol-relative targets ("//evil.example") would leave the site.
  const target = trimmed.startsWith("/") && !trimmed.startsWith("//") ? trimmed : "/";
  if (pathname.startsWith("/api/")) {
    return apiError("not_found", { requestId: requestIdOf(request.headers), message: `Not found. API paths have no trailing slash: ${target.slice(0, 200)}` });
  }
  // Next.js requires an absolute Location from middleware.
  return NextResponse.redirect(new URL(target + search, request.url).toString(), 308);
}
