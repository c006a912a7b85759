import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateAndClose, newTokenDialog, submitTokenName, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { administratorSpec } from "../support/admin";

const STAFF_PAGES = ["/admin", "/admin/settings", "/admin/settings/api-tokens", "/admin/orders", "/admin/products", "/admin/users", "/admin/users/new", "/admin/roles", "/admin/groups"];
const PARTNER_PAGES = ["/partner", "/partner/api-tokens", "/partner/orders"];
const PUBLIC_PAGES = ["/login", "/", "/no-such-page", "/docs/api"];

/** Collects Content-Security-Policy violations and script errors the page reports, across navigations. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`);
    });
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

function expectHardeningHeaders(headers: Record<string, string>, where: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'self'");
  expect(csp, where).toContain("form-action 'self'");
  expect(csp, where).not.toMatch(/script-src[^;]*(\*|unsafe-eval|https?:)/);
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
}

test.describe("browser hardening", () => {
  test("every page carries the security headers and works without a single CSP violation", async ({ page, makeUser }) => {
    const problems = await watchForViolations(page);
    const visit = async (path: string) => {
      const response = await page.goto(path);
      expect(response, path).not.toBeNull();
      expectHardeningHeaders(await response!.allHeaders(), path);
      await page.waitForLoadState("networkidle");
    };

    for (const path of PUBLIC_PAGES) await visit(path);

    const staff = await makeUser(administratorSpec());
    await signInViaApi(page.request, staff);
    for (const path of STAFF_PAGES) await visit(path);
    // Scripts run under the policy: the dialogs open, a token is generated and copied, a filter applies.
    await page.goto(TOKEN_AREAS[0].path);
    await generateAndClose(page, "under the policy");
    await page.getByLabel("Filter by name").fill("under");
    await page.keyboard.press("Enter");
    await expect(tokenRow(page, "under the policy")).toHaveCount(1);

    await page.context().clearCookies();
    const partner = await makeUser(TOKEN_AREAS[1].user);
    await signInViaApi(page.request, partner);
    for (const path of PARTNER_PAGES) await visit(path);

    expect(problems).toEqual([]);
  });

  test("static assets and API responses are not sniffed either", async ({ page, request }) => {
    await page.goto("/login");
    const script = await page.locator("script[src]").first().getAttribute("src");
    expect(script).toBeTruthy();
    const asset = await request.get(script!);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    const api = await request.get("/api/v1/openapi.json");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a page cannot be framed by another site", async ({ page, request }) => {
    const login = await request.get("/login");
    expectHardeningHeaders(login.headers(), "/login");
    // A foreign page that frames the sign-in page gets an empty frame.
    await page.route("http://attacker.test/", (route) =>
      route.fulfill({ contentType: "text/html", body: `<iframe id="victim" src="${new URL("/login", login.url()).href}"></iframe>` }),
    );
    await page.goto("http://attacker.test/");
    const frame = page.frameLocator("#victim");
    await expect(frame.getByRole("button", { name: "Sign in" })).toHaveCount(0, { timeout: 3000 });
  });

  for (const area of TOKEN_AREAS) {
    test(`a token name made of HTML and scripts is shown as text in the ${area.label}`, async ({ page, makeUser }) => {
      const name = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert(2)"><b>bold</b>`;
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      await submitTokenName(page, name);
      await expect(newTokenDialog(page)).toContainText(name);
      await newTokenDialog(page).getByRole("button", { name: "Copy" }).click();
      await newTokenDialog(page).getByRole("button", { name: "Done" }).click();
      await expect(tokenRow(page, name)).toHaveCount(1);

      // Server-rendered, then in the revoke dialog that restates the name.
      await page.reload();
      await expect(tokenRow(page, name).getByRole("cell").first()).toHaveText(name);
      await tokenRow(page, name).getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("dialog", { name: "Revoke token" })).toContainText(name);

      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator("main img[src='x'], main b").count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }
});
