// Calling a server action directly, as an attacker could: every action is a public POST endpoint. The
// request the page itself makes is captured, then replayed with a different body.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** Runs `trigger` and returns the server action request (a POST with a `next-action` header) it makes. */
export async function captureServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const sent = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await trigger();
  const request = await sent;
  return { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
}

// The request context supplies its own cookies (or none), host and length.
const NOT_REPLAYED = new Set(["cookie", "content-length", "host", "connection"]);

export async function replayServerAction(request: APIRequestContext, action: CapturedAction, body: string): Promise<APIResponse> {
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([name]) => !name.startsWith(":") && !NOT_REPLAYED.has(name.toLowerCase())));
  return request.post(action.url, { headers, data: body, maxRedirects: 0 });
}
