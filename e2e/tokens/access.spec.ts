import { DEMO, expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { namesShown, seedTokens, TOKEN_AREAS, tokenRow } from "../support/token-pages";

const GENERIC_REFUSAL = "This token does not exist or was already revoked.";

for (const area of TOKEN_AREAS) {
  test.describe(`only the owner sees and revokes a token, in the ${area.label}`, () => {
    test("another user, administrators included, does not see someone else's tokens", async ({ page, makeUser }) => {
      const owner = await makeUser(area.user);
      await seedTokens(owner.id, ["owner's secret integration"]);
      const other = await makeUser(area.user);
      await seedTokens(other.id, ["other's own"]);
      await signInViaApi(page.request, other);
      await page.goto(area.path);
      expect(await namesShown(page)).toEqual(["other's own"]);
      await page.goto(`${area.path}?q=secret`);
      await expect(page.getByText("No tokens match “secret”.")).toBeVisible();

      const admin = await makeUser({ area: "staff", permissions: ["orders:read", "orders:write", "products:read", "products:write", "users:manage"], groups: ["EMEA", "Americas", "APAC", "Acme"] });
      await page.context().clearCookies();
      await signInViaApi(page.request, admin);
      await page.goto(TOKEN_AREAS[0].path);
      await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
    });

    test("calling the revoke action with another user's token ID changes nothing and reveals nothing", async ({ page, makeUser, playwright, baseURL }) => {
      const victim = await makeUser(area.user);
      const [victimToken] = await seedTokens(victim.id, ["victim token"]);
      const attacker = await makeUser(area.user);
      const [ownToken] = await seedTokens(attacker.id, ["attacker token"]);
      const [spareToken] = await seedTokens(attacker.id, ["spare"]);
      await signInViaApi(page.request, attacker);
      await page.goto(area.path);

      // The request the page makes when the attacker revokes one of their own tokens...
      await tokenRow(page, "attacker token").getByRole("button", { name: "Delete" }).click();
      const action = await captureServerAction(page, () => page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click());
      await expect(tokenRow(page, "attacker token")).toHaveCount(0);
      expect(action.body).toContain(ownToken.id);

      // ...replayed with the victim's token ID, with a made-up one, and with an own token revoked already.
      const replay = (tokenId: string) => replayServerAction(page.request, action, action.body.replaceAll(ownToken.id, tokenId));
      const forVictim = await replay(victimToken.id);
      const forMadeUp = await replay("ZZZZZZZZZZZZ");
      const forRevoked = await replay(ownToken.id);
      for (const response of [forVictim, forMadeUp, forRevoked]) {
        expect(response.status()).toBe(200);
        expect(await response.text()).toContain(GENERIC_REFUSAL);
      }
      const victimText = await forVictim.text();
      expect(victimText).not.toContain("victim token");
      // Byte for byte the same answer as for a token that does not exist.
      expect(victimText).toBe((await forMadeUp.text()).replaceAll("ZZZZZZZZZZZZ", victimToken.id));

      // Without a session the action refuses too.
      const anonymous = await playwright.request.newContext({ baseURL });
      const signedOut = await replayServerAction(anonymous, action, action.body.replaceAll(ownToken.id, victimToken.id));
      expect(await signedOut.text()).not.toContain("victim token");
      await anonymous.dispose();

      const victimRow = await testDb().apiToken.findUniqueOrThrow({ where: { id: victimToken.id } });
      expect(victimRow.revokedAt).toBeNull();
      expect(victimRow.revokedReason).toBeNull();
      expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: spareToken.id } })).revokedAt).toBeNull();

      await page.context().clearCookies();
      await signInViaApi(page.request, victim);
      await page.goto(area.path);
      expect(await namesShown(page)).toEqual(["victim token"]);
    });
  });
}

test.describe("who can open the token pages", () => {
  for (const area of TOKEN_AREAS) {
    test(`a signed-out visitor to ${area.path} is sent to sign in`, async ({ page }) => {
      await page.goto(area.path);
      await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(area.path)}$`));
    });
  }

  test("a partner cannot reach the admin panel's token page", async ({ page, makeUser }) => {
    await signInViaApi(page.request, await makeUser(TOKEN_AREAS[1].user));
    await page.goto(TOKEN_AREAS[0].path);
    await expect(page).toHaveURL(/\/partner$/);
    await expect(page.getByRole("heading", { name: "API Tokens" })).toHaveCount(0);
  });

  test("the demo partner is sent from the admin token page to the partner hub, and finds their own there", async ({ page }) => {
    await signInViaApi(page.request, DEMO.partner);
    await page.goto(TOKEN_AREAS[0].path);
    await expect(page).toHaveURL(/\/partner$/);
    await page.getByRole("link", { name: "API Tokens" }).click();
    await expect(page).toHaveURL(/\/partner\/api-tokens$/);
    await expect(page.getByRole("heading", { name: "API Tokens", level: 1 })).toBeVisible();
  });

  test("a staff user opening the partner token page is sent to the admin panel, whose Settings lead to API Tokens", async ({ page, makeUser }) => {
    await signInViaApi(page.request, await makeUser({ area: "staff" }));
    await page.goto(TOKEN_AREAS[1].path);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/settings");
    await page.getByRole("main").getByRole("link", { name: "API Tokens" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/api-tokens$/);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Settings");
  });
});
