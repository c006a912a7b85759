import type { APIRequestContext } from "@playwright/test";
import { expect, signInViaForm, test, uniqueClientAddress } from "../support/fixtures";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";

const TOO_MANY = "Too many attempts. Try again later.";

/** One sign-in through next-auth's credentials endpoint; the refusal code it answers with, or null when signed in. */
async function signInAttempt(request: APIRequestContext, email: string, password: string, address?: string): Promise<string | null> {
  const headers = address ? { "X-Forwarded-For": address } : undefined;
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email, password, json: "true" } });
  const { url } = await response.json();
  return new URL(url).searchParams.get("error");
}

test.describe("API: failed authentications are limited per client address", () => {
  test("the 31st failure within a minute gets 429 with Retry-After; other addresses and valid tokens elsewhere are unaffected", async ({ request, makeUser }) => {
    const token = await createTestToken((await makeUser()).id);
    const wrong = bearer(withWrongSecret(token));
    for (let i = 0; i < 30; i++) expect((await request.get("/api/v1/me", { headers: wrong })).status()).toBe(401);

    const limited = await request.get("/api/v1/me", { headers: wrong });
    expect(limited.status()).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // While limited, the address gets no answer about any token, not even a right one.
    expect((await request.get("/api/v1/me", { headers: bearer(token.token) })).status()).toBe(429);

    // Someone else's failures do not slow a valid token used from another address.
    const elsewhere = { ...bearer(token.token), "X-Forwarded-For": uniqueClientAddress() };
    expect((await request.get("/api/v1/me", { headers: elsewhere })).status()).toBe(200);
  });

  test("successful requests are never counted as failures", async ({ request, makeUser }) => {
    const { token } = await createTestToken((await makeUser()).id);
    for (let i = 0; i < 40; i++) expect((await request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
  });
});

test.describe("sign-in: failed attempts are limited per email and address, per email, and per address", () => {
  test("the 11th failure for one email from one address is refused with the generic message, and so is the right password from there", async ({ request, makeUser }) => {
    const user = await makeUser();
    const address = uniqueClientAddress();
    for (let i = 0; i < 10; i++) expect(await signInAttempt(request, user.email, `wrong-${i}`, address)).toBe("invalid_credentials");
    expect(await signInAttempt(request, user.email, "wrong-again", address)).toBe("rate_limited");
    expect(await signInAttempt(request, user.email, user.password, address)).toBe("rate_limited");
    expect((await (await request.get("/api/auth/session", { headers: { "X-Forwarded-For": address } })).json())?.user).toBeUndefined();
    // Another account from the same address still signs in.
    const other = await makeUser();
    expect(await signInAttempt(request, other.email, other.password, address)).toBeNull();
  });

  test("one address's failures cannot lock the owner out: the right password from another address still signs in", async ({ request, makeUser }) => {
    const user = await makeUser();
    const attacker = uniqueClientAddress();
    for (let i = 0; i < 11; i++) await signInAttempt(request, user.email, `wrong-${i}`, attacker);
    expect(await signInAttempt(request, user.email, user.password, attacker)).toBe("rate_limited");
    expect(await signInAttempt(request, user.email, user.password, uniqueClientAddress())).toBeNull();
  });

  test("an unknown email gets exactly the same answers, so the limit does not reveal which accounts exist", async ({ request, makeUser }) => {
    const user = await makeUser();
    const unknown = `nobody-${user.email}`;
    const known: (string | null)[] = [];
    const missing: (string | null)[] = [];
    const [fromKnown, fromMissing] = [uniqueClientAddress(), uniqueClientAddress()];
    for (let i = 0; i < 12; i++) {
      known.push(await signInAttempt(request, user.email, `wrong-${i}`, fromKnown));
      missing.push(await signInAttempt(request, unknown, `wrong-${i}`, fromMissing));
    }
    expect(missing).toEqual(known);
    expect(known).toEqual([...Array(10).fill("invalid_credentials"), "rate_limited", "rate_limited"]);
  });

  test("the 31st failure from one address is refused whatever email comes next", async ({ request, makeUser }) => {
    const user = await makeUser();
    const address = uniqueClientAddress();
    for (let i = 0; i < 30; i++) expect(await signInAttempt(request, `guess-${i}-${user.email}`, "wrong", address)).toBe("invalid_credentials");
    expect(await signInAttempt(request, `guess-30-${user.email}`, "wrong", address)).toBe("rate_limited");
    expect(await signInAttempt(request, user.email, user.password, address)).toBe("rate_limited");
    // The same person from another address is not locked out by someone else's guessing.
    expect(await signInAttempt(request, user.email, user.password, uniqueClientAddress())).toBeNull();
  });

  test("the sign-in form shows the generic message once the limit is reached", async ({ page, makeUser }) => {
    const user = await makeUser();
    // From the page's own address (the fixture gives each test one), so that the form's attempt is limited too.
    for (let i = 0; i < 10; i++) expect(await signInAttempt(page.request, user.email, `wrong-${i}`)).toBe("invalid_credentials");
    expect(await signInAttempt(page.request, user.email, "wrong-10")).toBe("rate_limited");
    // The right password, typed into the form while the email is limited from this address.
    await signInViaForm(page, { email: user.email, password: user.password });
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(TOO_MANY);
    await expect(page).toHaveURL(/\/login/);
    // An unknown email past its limit reads the same.
    const unknown = `nobody-${user.email}`;
    for (let i = 0; i < 11; i++) await signInAttempt(page.request, unknown, `wrong-${i}`);
    await signInViaForm(page, { email: unknown, password: "anything-at-all" });
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(TOO_MANY);
  });
});
