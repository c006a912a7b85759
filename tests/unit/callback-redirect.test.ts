import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeCallbackPath } from "../../lib/auth/areas";

// Each of these would send a browser to another host (or run script) if followed as given. Browsers drop
// TAB, LF and CR anywhere in a URL and read a backslash as a slash.
const HOSTILE = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r/evil.example/x",
  "\t//evil.example",
  "//evil.example/x",
  "/\\evil.example/x",
  "\\/evil.example/x",
  "/\\/evil.example",
  "/.//evil.example/x",
  "/..//evil.example/x",
  "/admin/..//evil.example",
  "http://evil.example/x",
  "https://evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "%2F%2Fevil.example",
  "%5C%5Cevil.example",
  "data:text/html,hi",
  "evil.example",
  "",
];

describe("the path followed after sign-in", () => {
  it.each(HOSTILE)("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it("refuses what is not a string or is absurdly long", () => {
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(["/admin"])).toBeNull();
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBeNull();
  });

  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/admin")).toBe("/admin");
    expect(safeCallbackPath("/admin/settings/api-tokens?q=ci&page=2#list")).toBe("/admin/settings/api-tokens?q=ci&page=2#list");
    expect(safeCallbackPath("/partner/api-tokens")).toBe("/partner/api-tokens");
  });

  it("returns the path as a browser resolves it, never the raw input", () => {
    expect(safeCallbackPath("/admin/\torders")).toBe("/admin/orders");
    expect(safeCallbackPath("/admin/../partner")).toBe("/partner");
    // Percent-encoded slashes stay encoded: a path segment, not a host.
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeCallbackPath("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(safeCallbackPath("/a b")).toBe("/a%20b");
  });
});

describe("next-auth's own redirects", () => {
  const base = "http://localhost:3000";

  it("stay on the app's origin", () => {
    expect(safeAuthRedirect("/admin", base)).toBe("http://localhost:3000/admin");
    expect(safeAuthRedirect("http://localhost:3000/partner?x=1", base)).toBe("http://localhost:3000/partner?x=1");
    expect(safeAuthRedirect("/login", base)).toBe("http://localhost:3000/login");
  });

  it.each([
    "http://localhost:3000.evil.example/",
    "http://localhost:3000@evil.example/",
    "http://evil.example/",
    "//evil.example",
    "/\t/evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "http://[::1",
  ])("send %j to the app's root instead of elsewhere, and never throw", (url) => {
    expect(safeAuthRedirect(url, base)).toBe(base);
  });
});
