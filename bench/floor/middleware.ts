import { NextResponse, type NextRequest } from "next/server";

// The least a middleware that hands something to its route does, on the runtime the app's middleware uses
// (Node.js): copy the request's headers, set one, pass the request on.
export const config = { runtime: "nodejs", matcher: ["/mw"] };

export function middleware(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-floor", "1");
  return NextResponse.next({ request: { headers } });
}
