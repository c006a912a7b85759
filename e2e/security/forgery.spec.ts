import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { captureServerAction, replayServerAction, type CapturedAction } from "../support/server-actions";
import { newTokenDialog, submitTokenName, TOKEN_AREAS, GENERATE_FORM_FIELDS } from "../support/token-pages";

function withOrigin(action: CapturedAction, origin: string | null): CapturedAction {
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([name]) => name.toLowerCase() !== "origin"));
  return { ...action, headers: origin === null ? headers : { ...headers, origin } };
}

async function tokenNames(userId: string): Promise<string[]> {
  return (await testDb().apiToken.findMany({ where: { userId }, select: { name: true } })).map((row) => row.name).sort();
}

test.describe("cross-site request forgery", () => {
  for (const area of TOKEN_AREAS) {
    test(`a server action submitted from another origin is refused in the ${area.label}`, async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      const action = await captureServerAction(page, () => submitTokenName(page, "genuine"), { fields: GENERATE_FORM_FIELDS });
      await expect(newTokenDialog(page)).toBeVisible();
      expect(action.headers.origin).toBe(new URL(page.url()).origin);
      expect(await tokenNames(user.id)).toEqual(["genuine"]);

      // The victim's own cookies ride along (page.request shares them), as they would in a forged request.
      for (const origin of ["https://attacker.example", "null", `http://localhost.attacker.example:${new URL(page.url()).port}`]) {
        const forged = await replayServerAction(page.request, withOrigin(action, origin), action.body.replace("genuine", "forged"));
        expect(forged.status(), origin).toBeGreaterThanOrEqual(400);
        expect(await forged.text(), origin).not.toContain("pat_");
      }
      expect(await tokenNames(user.id)).toEqual(["genuine"]);

      // The same request from the page's own origin goes through: the refusal above was the origin's doing.
      const sameOrigin = await replayServerAction(page.request, action, action.body.replace("genuine", "replayed"));
      expect(sameOrigin.status()).toBe(200);
      expect(await tokenNames(user.id)).toEqual(["genuine", "replayed"]);
    });
  }
});

test.describe("session cookies", () => {
  test("are HttpOnly and SameSite=Lax, and not readable by page scripts", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    for (const cookie of cookies.filter((c) => c.name.includes("next-auth"))) expect(cookie.httpOnly, cookie.name).toBe(true);
    await page.goto("/admin");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("are Secure (and __Secure- prefixed) when the app is served over https", async ({ makeUser, appInstances }) => {
    const user = await makeUser();
    // The public URL is https (TLS ends at a proxy); the port it names does not matter to the cookies.
    const instance = await appInstances.start({ NEXTAUTH_URL: "https://localhost" });
    // Plain fetch: the instance speaks http here (TLS ends at a proxy in production), and a browser or
    // Playwright's cookie jar would rightly not send Secure cookies over http.
    const csrf = await fetch(`${instance.url}/api/auth/csrf`);
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.join("\n")).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/im);
    const { csrfToken } = await csrf.json();
    const response = await fetch(`${instance.url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.map((cookie) => cookie.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }),
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    const attributes = session!.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("secure");
    expect(attributes).toContain("samesite=lax");
  });
});
