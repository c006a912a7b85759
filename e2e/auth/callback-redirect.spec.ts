// After sign-in the app follows `callbackUrl`: it must never lead off the app's own origin, however the URL
// is spelled, neither in the server's redirect (a signed-in visitor of /login) nor in the sign-in form's.
import { expect, signInViaApi, signInViaForm, test } from "../support/fixtures";

// As they arrive in the query string (already percent-encoded where a browser would encode them).
const HOSTILE_CALLBACKS = [
  "/%09/evil.example/x",
  "/%0A/evil.example/x",
  "/%0D/evil.example/x",
  "/%0d%0a/evil.example/x",
  "//evil.example/x",
  "/%5Cevil.example/x",
  "%5C/evil.example/x",
  "%2F%2Fevil.example/x",
  "/%2F/evil.example",
  "%2F%5Cevil.example",
  "/.//evil.example/x",
  "http://evil.example/x",
  "https:%2F%2Fevil.example",
  "javascript:alert(1)",
];

function expectSameOrigin(location: string | undefined, baseURL: string) {
  expect(location, "a redirect").toBeTruthy();
  expect(location).not.toMatch(/[\t\n\r\\]/);
  expect(new URL(location!, baseURL).origin).toBe(new URL(baseURL).origin);
  // A browser given `//host` or `/\host` as a Location would leave the origin even though URL() above agrees.
  expect(location).not.toMatch(/^\/[/\\]/);
}

test.describe("the page after sign-in", () => {
  test("a signed-in visitor of /login is redirected only within the app, whatever callbackUrl says", async ({ page, makeUser, baseURL }) => {
    const user = await makeUser({ area: "staff" });
    await signInViaApi(page.request, user);
    for (const callback of HOSTILE_CALLBACKS) {
      const response = await page.request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      expectSameOrigin(response.headers()["location"], baseURL!);
      expect(response.headers()["location"], callback).toMatch(/^\/admin$/);
    }
    // Allow path: a same-site page asked for is where the visitor goes.
    const allowed = await page.request.get(`/login?callbackUrl=${encodeURIComponent("/admin/products?x=1")}`, { maxRedirects: 0 });
    expect(allowed.headers()["location"]).toBe("/admin/products?x=1");
  });

  test("signing in through the form with a hostile callbackUrl lands in the app, not elsewhere", async ({ page, makeUser, baseURL }) => {
    const user = await makeUser({ area: "staff" });
    // Anything leaving the app would be a navigation to evil.example: refuse it loudly instead of resolving it.
    const leaks: string[] = [];
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => {
      leaks.push(route.request().url());
      return route.abort();
    });
    for (const callback of ["/%09/evil.example/x", "/%5Cevil.example/x", "/.//evil.example/x"]) {
      await page.context().clearCookies();
      await signInViaForm(page, user, `/login?callbackUrl=${callback}`);
      await expect(page).toHaveURL(/\/admin$/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    }
    expect(leaks).toEqual([]);
  });

  test("a same-site callbackUrl is still followed after signing in through the form", async ({ page, makeUser }) => {
    const user = await makeUser({ area: "staff" });
    await signInViaForm(page, user, `/login?callbackUrl=${encodeURIComponent("/admin/orders")}`);
    await expect(page).toHaveURL(/\/admin\/orders$/);
  });

  test("next-auth's own endpoints never answer 500 or leave the origin for a hostile callbackUrl", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!);
    const lookalike = `http://${origin.hostname}:${origin.port}.evil.example/`;
    for (const callback of [lookalike, "http://evil.example/", "//evil.example", `http://${origin.host}@evil.example/`, "/%09/evil.example", "javascript:alert(1)"]) {
      const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callback)}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBeLessThan(500);
      const location = response.headers()["location"];
      if (location) {
        expectSameOrigin(location, baseURL!);
        const forwarded = new URL(location, baseURL).searchParams.get("callbackUrl");
        if (forwarded) expect(new URL(forwarded, baseURL).origin).toBe(origin.origin);
      }
    }
  });
});
