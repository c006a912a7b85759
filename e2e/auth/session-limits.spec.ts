// Session lifetimes, proven against the running app: the session records are aged directly in the database
// (the app decides by the record, whatever the cookie says), and a cookie from before records were kept is
// forged with the server's own secret.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { testDb } from "../support/db";
import { expect, signInViaApi, signInViaForm, test, type TestUser } from "../support/fixtures";

const TOKEN_PAGE = "/admin/settings/api-tokens";
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

async function expectTokenPageOpens(page: Page): Promise<void> {
  await page.goto(TOKEN_PAGE);
  await expect(page.getByRole("heading", { name: "API Tokens" })).toBeVisible();
}

async function expectSentToSignIn(page: Page): Promise<void> {
  await page.goto(TOKEN_PAGE);
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fsettings%2Fapi-tokens$/);
}

/** What /api/auth/session hands out for this context's cookie. */
async function sessionEndpoint(request: APIRequestContext): Promise<{ user?: { email?: string } }> {
  const response = await request.get("/api/auth/session");
  expect(response.ok()).toBeTruthy();
  return response.json();
}

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page.request, user);
  return page;
}

/** Moves the user's session records back in time, as if signed in and last seen that long ago. */
async function ageSessions(userId: string, ages: { signedInAgo: number; lastSeenAgo: number }): Promise<void> {
  const now = Date.now();
  const { count } = await testDb().userSession.updateMany({
    where: { userId },
    data: { createdAt: new Date(now - ages.signedInAgo), confirmedAt: new Date(now - ages.signedInAgo), lastSeenAt: new Date(now - ages.lastSeenAgo) },
  });
  expect(count).toBeGreaterThan(0);
}

test.describe("session limits", () => {
  // Several browser contexts per test on a machine that may be heavily loaded.
  test.describe.configure({ timeout: 180_000 });

  test("a fresh session opens the token page and the session endpoint", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    await expectTokenPageOpens(page);
    expect((await sessionEndpoint(page.request)).user?.email).toBe(user.email);
  });

  test("9 hours after sign-in the session is over, though it was renewed and used a minute ago", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    await expectTokenPageOpens(page);
    // Renewed: next-auth hands out a fresh cookie on each read of the session.
    expect((await sessionEndpoint(page.request)).user?.email).toBe(user.email);
    await ageSessions(user.id, { signedInAgo: 9 * HOUR, lastSeenAgo: MINUTE });
    // The page first: the endpoint's refusal also clears the cookie.
    await expectSentToSignIn(page);
    expect(await sessionEndpoint(page.request)).toEqual({});
  });

  test("just under 8 hours after sign-in and in use, the session still works", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    await ageSessions(user.id, { signedInAgo: 8 * HOUR - 5 * MINUTE, lastSeenAgo: 5 * MINUTE });
    await expectTokenPageOpens(page);
    expect((await sessionEndpoint(page.request)).user?.email).toBe(user.email);
  });

  test("after an idle hour the session is over; used within the hour it goes on", async ({ page, browser, makeUser }) => {
    const idle = await makeUser();
    await signInViaApi(page.request, idle);
    await ageSessions(idle.id, { signedInAgo: 2 * HOUR, lastSeenAgo: HOUR + MINUTE });
    // The page first: the endpoint's refusal also clears the cookie.
    await expectSentToSignIn(page);
    expect(await sessionEndpoint(page.request)).toEqual({});

    const active = await makeUser();
    const other = await signedInPage(browser, active);
    await ageSessions(active.id, { signedInAgo: 2 * HOUR, lastSeenAgo: 55 * MINUTE });
    await expectTokenPageOpens(other);
    // Seen again just now: the idle hour counts from here.
    const seen = await testDb().userSession.findFirstOrThrow({ where: { userId: active.id } });
    expect(Date.now() - seen.lastSeenAt.getTime()).toBeLessThan(5 * MINUTE);
    await other.context().close();
  });

  test("signing out ends the session on the server: a copy of its cookie stops working, the user's other session goes on", async ({ page, browser, makeUser }) => {
    const user = await makeUser();
    await signInViaForm(page, user);
    await expect(page).toHaveURL(/\/admin$/);
    const laptop = await signedInPage(browser, user);
    // Someone copies the cookie before the user signs out.
    const thief = await (await browser.newContext()).newPage();
    await thief.context().addCookies(await page.context().cookies());
    await expectTokenPageOpens(thief);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    await expectSentToSignIn(thief);
    expect(await sessionEndpoint(thief.request)).toEqual({});
    await expectTokenPageOpens(laptop);
    expect((await sessionEndpoint(laptop.request)).user?.email).toBe(user.email);
    await thief.context().close();
    await laptop.context().close();
  });

  test("a cookie issued before sessions were recorded (no session id) counts as signed out", async ({ page, baseURL, makeUser }) => {
    const user = await makeUser();
    const secret = process.env.NEXTAUTH_SECRET;
    expect(secret, "the test server's NEXTAUTH_SECRET").toBeTruthy();
    const value = await encode({ secret: secret!, token: { sub: user.id, email: user.email, name: user.name, signedInAt: Date.now() }, maxAge: 8 * 60 * 60 });
    await page.context().addCookies([{ name: "next-auth.session-token", value, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
    // The page first: the endpoint's refusal also clears the cookie.
    await expectSentToSignIn(page);
    expect(await sessionEndpoint(page.request)).toEqual({});
  });
});
