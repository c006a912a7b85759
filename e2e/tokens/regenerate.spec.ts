import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { bearer, createTestToken } from "../support/tokens";
import { namesShown, newTokenDialog, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { maskToken, parseToken } from "../../lib/tokens/server/format";
import { hashSecret } from "../../lib/tokens/server/hash";

function regenerateDialog(page: Page) {
  return page.getByRole("dialog", { name: "Regenerate token" });
}

/** Regenerates the named token with the chosen overlap; returns the new token shown once. */
async function regenerate(page: Page, name: string, overlap: string): Promise<string> {
  await tokenRow(page, name).getByRole("button", { name: `Regenerate ${name}` }).click();
  const dialog = regenerateDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(overlap).check();
  await dialog.getByRole("button", { name: "Regenerate token" }).click();
  const shown = newTokenDialog(page);
  await expect(shown).toBeVisible();
  await expect(shown).toContainText(`Token ${name} was regenerated.`);
  await expect(shown.getByText("It will not be shown again.")).toBeVisible();
  const token = await shown.getByLabel("New token").inputValue();
  await shown.getByRole("button", { name: "Copy" }).click();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  return token;
}

for (const area of TOKEN_AREAS) {
  test.describe(`regenerating a token in the ${area.label}`, () => {
    test("without overlap: the same token gets a new secret and the old one stops at once", async ({ page, makeUser, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const user = await makeUser(area.user);
      const old = await createTestToken(user.id, { name: "nightly sync", expiresAt: new Date(Date.now() + 20 * 24 * 3600_000) });
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      const fresh = await regenerate(page, "nightly sync", "Stop the old secret now");
      expect(parseToken(fresh)?.tokenId).toBe(old.tokenId);
      expect(fresh).not.toBe(old.token);

      // Same row: same ID, name and expiry; still one token.
      expect(await namesShown(page)).toEqual(["nightly sync"]);
      await expect(tokenRow(page, "nightly sync").getByRole("cell").nth(1)).toHaveText(maskToken(old.tokenId));
      await expect(tokenRow(page, "nightly sync").getByRole("cell").nth(4)).toHaveText(/^Expires in (19|20) days$/);

      expect((await page.request.get("/api/v1/me", { headers: bearer(old.token) })).status()).toBe(401);
      const me = await page.request.get("/api/v1/me", { headers: bearer(fresh) });
      expect(me.status()).toBe(200);
      expect((await me.json()).token).toEqual({ id: old.tokenId, name: "nightly sync" });

      const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: old.tokenId } });
      expect(row.secretHash).toBe(hashSecret(parseToken(fresh)!.secret));
      expect(row.previousSecretHash).toBeNull();
      expect(row.regeneratedAt).not.toBeNull();
      expect(await page.content()).not.toContain(fresh);
    });

    test("with a 24-hour overlap both secrets work until the window ends", async ({ page, makeUser, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const user = await makeUser(area.user);
      const old = await createTestToken(user.id, { name: "billing export" });
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      const started = Date.now();
      const fresh = await regenerate(page, "billing export", "Keep the old secret working for 24 hours");
      expect((await page.request.get("/api/v1/me", { headers: bearer(old.token) })).status()).toBe(200);
      expect((await page.request.get("/api/v1/me", { headers: bearer(fresh) })).status()).toBe(200);

      const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: old.tokenId } });
      expect(row.previousSecretHash).toBe(hashSecret(old.secret));
      expect(Math.abs(row.previousSecretExpiresAt!.getTime() - (started + 24 * 3600_000))).toBeLessThan(60_000);
      // The window's end is enforced by the server's clock (tests/unit/token-lifecycle-clock.test.ts moves
      // that clock); here the window is closed in the database to see the API refuse the old secret.
      await testDb().apiToken.update({ where: { id: old.tokenId }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
      expect((await page.request.get("/api/v1/me", { headers: bearer(old.token) })).status()).toBe(401);
      expect((await page.request.get("/api/v1/me", { headers: bearer(fresh) })).status()).toBe(200);
    });
  });
}

test("the regenerate action refuses another user's token and changes nothing", async ({ page, makeUser, browser }) => {
  const owner = await makeUser();
  const victim = await createTestToken(owner.id, { name: "victim's token" });
  const attacker = await makeUser();
  await createTestToken(attacker.id, { name: "mine" });
  await signInViaApi(page.request, attacker);
  await page.goto("/admin/settings/api-tokens");

  await tokenRow(page, "mine").getByRole("button", { name: "Regenerate mine" }).click();
  const dialog = regenerateDialog(page);
  const action = await captureServerAction(page, () => dialog.getByRole("button", { name: "Regenerate token" }).click());
  await expect(newTokenDialog(page)).toBeVisible();

  // Replay the attacker's own request with the victim's token ID.
  const mineId = (await testDb().apiToken.findFirstOrThrow({ where: { userId: attacker.id } })).id;
  const forged = await replayServerAction(page.request, action, action.body.replaceAll(mineId, victim.tokenId));
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain("This token does not exist or was already revoked.");
  expect(await forged.text()).not.toContain(`pat_${victim.tokenId}_`);
  const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: victim.tokenId } });
  expect(row.secretHash).toBe(hashSecret(victim.secret));
  expect(row.regeneratedAt).toBeNull();
  expect((await page.request.get("/api/v1/me", { headers: bearer(victim.token) })).status()).toBe(200);

  // Signed out, the action refuses too.
  const anonymous = await browser.newContext();
  const signedOut = await replayServerAction(anonymous.request, action, action.body.replaceAll(mineId, victim.tokenId));
  expect(await signedOut.text()).toContain("Your session has ended.");
  await anonymous.close();
});
