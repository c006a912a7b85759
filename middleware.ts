import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiRequest } from "./lib/api/authenticate";
import { answerTrailingSlash } from "./lib/http/trailing-slash";
import { REQUEST_PATH_HEADER } from "./lib/http/headers";

// Runs on the Node.js runtime: the Edge runtime cannot reach the database through Prisma.
// The last entry takes every other path that ends in a slash (next.config.mjs leaves those to us).
export const config = {
  runtime: "nodejs",
  matcher: ["/api/v1", "/api/v1/:path*", "/admin/:path*", "/admin", "/partner/:path*", "/partner", "/((?!_next/).+)/"],
};

export async function middleware(request: NextRequest) {
  const trailingSlash = answerTrailingSlash(request);
  if (trailingSlash) return trailingSlash;
  if (request.nextUrl.pathname.startsWith("/api/")) return authenticateApiRequest(request);
  // Pages: tell the server components which path was asked for, so a sign-in redirect can come back to
  // it. Set here (never taken from the client) because layouts cannot see the URL.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}
