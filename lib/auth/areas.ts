// The two areas people sign in to, and where each one lives.
export type Area = "staff" | "partner";

export const AREA_HOME: Record<Area, string> = { staff: "/admin", partner: "/partner" };

export const AREA_LABEL: Record<Area, string> = { staff: "admin panel", partner: "partner hub" };

/** The area a path belongs to, if any. */
export function areaOfPath(path: string): Area | null {
  if (path === "/admin" || path.startsWith("/admin/")) return "staff";
  if (path === "/partner" || path.startsWith("/partner/")) return "partner";
  return null;
}

// An origin that can never be the app's or anyone's: a callback that resolves to any other origin named one
// of its own (`//host`, `/\host`, `http://host`, `javascript:`), which is exactly what must not be followed.
const PLACEHOLDER_ORIGIN = "http://callback.invalid";

// Browsers delete every TAB, LF and CR from a URL before parsing it (and trim leading and trailing control
// characters and spaces), so `/\t/evil.example` reaches them as `//evil.example`. The check must see the
// URL the browser will see.
const STRIPPED_BY_BROWSERS = /[\t\n\r]/g;

/**
 * The same-site path to go to after sign-in, or null when the value would lead anywhere else. The value is
 * resolved the way a browser resolves it and accepted only when it stays on this origin; what is returned is
 * the resolved path, never the raw input, so the redirect carries nothing the check did not see.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  const cleaned = value.replace(STRIPPED_BY_BROWSERS, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!cleaned.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(cleaned, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  // `/.//evil.example` resolves on this origin to the path `//evil.example`, which a browser given it as a
  // Location would read as another host.
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's own redirects (after its sign-in and sign-out endpoints): a same-site path, or an absolute URL
 * on the app's own origin; anything else goes to the app's root.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return "/";
  }
  const cleaned = url.replace(STRIPPED_BY_BROWSERS, "");
  let target: URL | null = null;
  try {
    target = new URL(cleaned, base);
  } catch {
    target = null;
  }
  if (!target || target.origin !== base.origin) return base.origin;
  const path = safeCallbackPath(`${target.pathname}${target.search}${target.hash}`);
  return path ? `${base.origin}${path}` : base.origin;
}
