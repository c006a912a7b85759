import { NextResponse, type NextRequest } from "next/server";
import { answerTrailingSlash } from "./lib/http/trailing-slash";
import { REQUEST_PATH_HEADER } from "./lib/http/headers";

// Pages only, and paths that end in a slash (the last entry; next.config.mjs leaves those to us). The API
// does not pass through here: Next.js's middleware adapter costs about a third of a small route's
// throughput, so /api/v1 verifies its token in the route handler instead (lib/api/handler.ts).
// The Node.js runtime, as the rest of the app (the Edge runtime lacks the Node.js modules it shares).
export const config = {
  runtime: "nodejs",
  matcher: ["/admin/:path*", "/admin", "/partner/:path*", "/partner", "/((?!_next/).+)/"],
};

export async function middleware(request: NextRequest) {
  const trailingSlash = answerTrailingSlash(request);
  if (trailingSlash) return trailingSlash;
  // Pages: tell the server components which path was asked for, so a sign-in redirect can come back to
  // it. Set here (never taken from the client) because layouts cannot see the URL.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}
