// Sudo mode: generating or regenerating a token and administering users need the password typed within the
// last 15 minutes. The session's last confirmation is moved back in the database (the server reads it from
// the session record on every request), so these tests need not wait a quarter of an hour.
import type { APIRequestContext, Page } from "@playwright/test";
import { administratorSpec, expectUserCreated, submitNewUser, unique } from "../support/admin";
import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateDialog, newTokenDialog, seedTokens, submitTokenName, tokenRow } from "../support/token-pages";

const TOKEN_PAGE = "/admin/settings/api-tokens";
const MINUTE = 60 * 1000;

/** Moves the user's last password confirmation back, as if signed in that long ago. */
async function ageConfirmation(userId: string, ago: number): Promise<Date> {
  const confirmedAt = new Date(Date.now() - ago);
  const { count } = await testDb().userSession.updateMany({ where: { userId }, data: { confirmedAt } });
  expect(count).toBeGreaterThan(0);
  return confirmedAt;
}

/** A failed sign-in through next-auth's endpoint, from the context's own address. */
async function failedSignIn(request: APIRequestContext, email: string): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "wrong-password", json: "true" } });
}

function confirmDialog(page: Page) {
  return page.getByRole("dialog", { name: "Confirm your password" });
}

const tokensOf = (userId: string) => testDb().apiToken.count({ where: { userId } });
const confirmedAtOf = async (userId: string) => (await testDb().userSession.findFirstOrThrow({ where: { userId } })).confirmedAt.getTime();

test.describe("sudo mode", () => {
  // Several browser contexts per test on a machine that may be heavily loaded.
  test.describe.configure({ timeout: 180_000 });

  test("generating 16 minutes after sign-in asks for the password; a wrong one changes nothing; the right one generates what was entered", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    const aged = await ageConfirmation(user.id, 16 * MINUTE);
    await page.goto(TOKEN_PAGE);
    await submitTokenName(page, "deploy bot");

    const confirm = confirmDialog(page);
    await expect(confirm).toBeVisible();
    await expect(confirm.getByLabel("Password")).toBeFocused();
    expect(await tokensOf(user.id)).toBe(0);

    await confirm.getByLabel("Password").fill("not-my-password");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("Wrong password.");
    expect(await tokensOf(user.id)).toBe(0);
    expect(await confirmedAtOf(user.id)).toBe(aged.getTime());

    await confirm.getByLabel("Password").fill(user.password);
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm).toBeHidden();
    const shown = newTokenDialog(page);
    await expect(shown).toBeVisible();
    await expect(shown.getByLabel("New token")).toHaveValue(/^pat_/);
    const tokens = await testDb().apiToken.findMany({ where: { userId: user.id } });
    expect(tokens.map((token) => token.name)).toEqual(["deploy bot"]);
    expect(await confirmedAtOf(user.id)).toBeGreaterThan(Date.now() - MINUTE);
  });

  test("cancelling the password prompt leaves everything as it was", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    await ageConfirmation(user.id, 16 * MINUTE);
    await page.goto(TOKEN_PAGE);
    await submitTokenName(page, "never made");
    await confirmDialog(page).getByRole("button", { name: "Cancel" }).click();
    await expect(confirmDialog(page)).toBeHidden();
    await expect(generateDialog(page).getByRole("alert")).toContainText("Confirm your password");
    expect(await tokensOf(user.id)).toBe(0);
  });

  test("a fresh sign-in generates without asking", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    await ageConfirmation(user.id, 14 * MINUTE);
    await page.goto(TOKEN_PAGE);
    await submitTokenName(page, "right away");
    await expect(newTokenDialog(page)).toBeVisible();
    await expect(confirmDialog(page)).toHaveCount(0);
    expect(await tokensOf(user.id)).toBe(1);
  });

  test("regenerating asks for the password first; revoking never does", async ({ page, makeUser }) => {
    const user = await makeUser();
    const [kept, revoked] = await seedTokens(user.id, ["kept", "to revoke"]);
    await signInViaApi(page.request, user);
    await ageConfirmation(user.id, 60 * MINUTE);
    await page.goto(TOKEN_PAGE);

    const before = (await testDb().apiToken.findUniqueOrThrow({ where: { id: kept.id } })).secretHash;
    await tokenRow(page, "kept").getByRole("button", { name: "Regenerate kept" }).click();
    await page.getByRole("dialog", { name: "Regenerate token" }).getByRole("button", { name: "Regenerate token" }).click();
    await expect(confirmDialog(page)).toBeVisible();
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: kept.id } })).secretHash).toBe(before);
    await confirmDialog(page).getByLabel("Password").fill(user.password);
    await confirmDialog(page).getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("dialog", { name: "Copy your new token" })).toBeVisible();
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: kept.id } })).secretHash).not.toBe(before);

    await ageConfirmation(user.id, 60 * MINUTE);
    await page.goto(TOKEN_PAGE);
    await tokenRow(page, "to revoke").getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("dialog", { name: "Revoke token" })).toBeHidden();
    await expect(tokenRow(page, "to revoke")).toHaveCount(0);
    await expect(confirmDialog(page)).toHaveCount(0);
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: revoked.id } })).revokedAt).not.toBeNull();
  });

  test("creating a user 16 minutes after sign-in asks for the password, then creates the user as entered", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const name = unique("Sudo user");
    const email = `${name.replaceAll(" ", "-").toLowerCase()}@test.example`;
    await signInViaApi(page.request, admin);
    await ageConfirmation(admin.id, 16 * MINUTE);
    await submitNewUser(page, { name, email, password: "a-long-passphrase", groups: ["APAC"] });

    const confirm = confirmDialog(page);
    await expect(confirm.getByLabel("Password")).toBeFocused();
    expect(await testDb().user.count({ where: { email } })).toBe(0);
    await confirm.getByLabel("Password").fill("not-my-password");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("Wrong password.");
    expect(await testDb().user.count({ where: { email } })).toBe(0);

    await confirm.getByLabel("Password").fill(admin.password);
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expectUserCreated(page);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    expect(await testDb().user.count({ where: { email } })).toBe(1);
  });

  test("wrong confirmations count against the sign-in limits: once they are spent even the right password is refused", async ({ page, makeUser }) => {
    const user = await makeUser();
    await signInViaApi(page.request, user);
    const aged = await ageConfirmation(user.id, 16 * MINUTE);
    // Ten failed sign-ins for this email from this address: one failure more is over the limit.
    for (let i = 0; i < 10; i++) await failedSignIn(page.request, user.email);
    await page.goto(TOKEN_PAGE);
    await submitTokenName(page, "guessing");
    const confirm = confirmDialog(page);
    // The eleventh failure is a wrong confirmation: counted, and over the limit.
    await confirm.getByLabel("Password").fill("eleventh-guess");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("Too many attempts. Try again later.");
    // Now even the right password is refused.
    await confirm.getByLabel("Password").fill(user.password);
    const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await answered;
    await expect(confirm.getByRole("alert")).toHaveText("Too many attempts. Try again later.");
    expect(await confirmedAtOf(user.id)).toBe(aged.getTime());
    expect(await tokensOf(user.id)).toBe(0);
  });
});
