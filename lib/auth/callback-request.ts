import "server-only";
import { NextRequest } from "next/server";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

// The test next-auth applies before its redirect callback: an http(s) URL, or a path on the app's origin.
function isParsableHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** The request without a callbackUrl (query or cookie) that next-auth would fail on; unchanged otherwise. */
export function withoutUnparsableCallback(request: NextRequest): NextRequest {
  const origin = request.nextUrl.origin;
  const param = request.nextUrl.searchParams.get("callbackUrl");
  const badParam = param !== null && !isParsableHttpUrl(param, origin);
  const badCookies = CALLBACK_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isParsableHttpUrl(value, origin);
  });
  if (!badParam && badCookies.length === 0) return request;
  const url = request.nextUrl.clone();
  if (badParam) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  if (badCookies.length) {
    const kept = request.cookies.getAll().filter((cookie) => !badCookies.includes(cookie.name));
    headers.set("cookie", kept.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
  }
  // duplex: a streamed body (a POST's) may only be passed on with it; the DOM typings do not know it yet.
  const init = Object.assign({ method: request.method, headers, body: request.body }, { duplex: "half" });
  return new NextRequest(new Request(url, init));
}
