// Calling a server action directly, as an attacker could: every action is a public POST endpoint. The
// request the page itself makes is captured, then replayed with a different body.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";

export type CapturedAction = { url: string; headers: Record<string, string>; body: string };

/** Whether a server action's multipart body carries a form field of this name (React prefixes it, as in `1_name`). */
function carriesField(body: string, field: string): boolean {
  return body.includes(`name="${field}"`) || new RegExp(`name="[^"]*_${field}"`).test(body);
}

/**
 * Runs `trigger` and returns the server action request (a POST with a `next-action` header) it makes; with
 * `fields`, the one whose form carries them all (a page may call other actions meanwhile, such as the
 * generate form's check of the name being typed).
 */
export async function captureServerAction(page: Page, trigger: () => Promise<void>, options: { fields?: string[] } = {}): Promise<CapturedAction> {
  const sent = page.waitForRequest(
    (request) =>
      request.method() === "POST" &&
      request.headers()["next-action"] !== undefined &&
      (options.fields ?? []).every((field) => carriesField(request.postData() ?? "", field)),
  );
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
