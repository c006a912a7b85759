import fs from "node:fs";
import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { generateAndClose, generateInUi, namesShown, newTokenDialog, seedTokens as seedTokensNamed, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { maskToken, parseToken } from "../../lib/tokens/server/format";
import { hashSecret } from "../../lib/tokens/server/hash";

for (const area of TOKEN_AREAS) {
  test.describe(`generating a token in the ${area.label}`, () => {
    test("shows the token once, copies it, and afterwards lists it masked", async ({ page, context, makeUser, baseURL }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await expect(page.getByRole("heading", { name: "API Tokens", level: 1 })).toBeVisible();

      const token = await generateInUi(page, "CI deploys");
      const dialog = newTokenDialog(page);
      await expect(dialog.getByText("It will not be shown again.")).toBeVisible();
      await expect(dialog).toContainText("CI deploys");

      await dialog.getByRole("button", { name: "Copy" }).click();
      await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

      // The list behind the dialog already has the new token, masked.
      const parsed = parseToken(token);
      expect(parsed).not.toBeNull();
      await expect(tokenRow(page, "CI deploys").getByRole("cell").nth(1)).toHaveText(maskToken(parsed!.tokenId));

      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(dialog).toBeHidden();
      expect(await page.content()).not.toContain(token);

      await page.reload();
      const row = tokenRow(page, "CI deploys");
      await expect(row).toHaveCount(1);
      await expect(row.getByRole("cell").nth(1)).toHaveText(`pat_${parsed!.tokenId}_••••••••`);
      await expect(row.getByRole("cell").nth(3)).toHaveText("never");
      expect(await page.content()).not.toContain(parsed!.secret);
    });

    test("the generated token is well formed, stored only as a hash, and works against the API", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      const token = await generateAndClose(page, "works");

      const parsed = parseToken(token);
      expect(parsed, "the checksum and format must hold").not.toBeNull();
      const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: parsed!.tokenId } });
      expect(row).toMatchObject({ userId: user.id, name: "works", nameSearch: "works", revokedAt: null, lastUsedAt: null });
      expect(row.secretHash).toBe(hashSecret(parsed!.secret));
      for (const value of Object.values(row)) {
        const text = value instanceof Date ? value.toISOString() : String(value);
        expect(text).not.toContain(parsed!.secret);
        expect(text).not.toContain(token);
      }

      const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
      expect(me.status()).toBe(200);
      expect((await me.json()).token).toEqual({ id: parsed!.tokenId, name: "works" });

      // The use is stamped and the list says so, relative to now with the exact time on hover.
      await expect.poll(async () => (await testDb().apiToken.findUniqueOrThrow({ where: { id: parsed!.tokenId } })).lastUsedAt).not.toBeNull();
      await page.reload();
      const lastUsed = tokenRow(page, "works").getByRole("cell").nth(3).locator("time");
      await expect(lastUsed).toHaveText("less than a minute ago");
      await expect(lastUsed).toHaveAttribute("title", /UTC$/);
    });

    test("closing without copying asks for confirmation first", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      const token = await generateInUi(page, "not copied");
      const dialog = newTokenDialog(page);

      await dialog.getByRole("button", { name: "Done" }).click();
      await expect(dialog.getByRole("alert")).toContainText("You have not copied the token");
      await dialog.getByRole("button", { name: "Back to the token" }).click();
      await expect(dialog.getByLabel("New token")).toHaveValue(token);

      await page.keyboard.press("Escape");
      await dialog.getByRole("button", { name: "Close without copying" }).click();
      await expect(dialog).toBeHidden();
      expect(await page.content()).not.toContain(token);
      expect(await namesShown(page)).toEqual(["not copied"]);
    });

    test("lists the newest token first", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      for (const name of ["first", "second", "third"]) await generateAndClose(page, name);
      await expect.poll(() => namesShown(page)).toEqual(["third", "second", "first"]);
      await page.reload();
      expect(await namesShown(page)).toEqual(["third", "second", "first"]);
    });
  });
}

test("the server log never contains a generated token", async ({ page, makeUser }) => {
  const logFile = process.env.TEST_SERVER_LOG;
  test.skip(!logFile, "the server log is only written under scripts/test.mjs");
  const user = await makeUser({ area: "staff" });
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const token = await generateAndClose(page, "log check");
  const { secret } = parseToken(token)!;
  await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
  const log = fs.readFileSync(logFile!, "utf8");
  expect(log).not.toContain(secret);
});

test("the form warns when the name is already one of the owner's tokens, and still generates it", async ({ page, makeUser }) => {
  const area = TOKEN_AREAS[0];
  const user = await makeUser(area.user);
  const stranger = await makeUser(area.user);
  await seedTokensNamed(stranger.id, ["Someone else's"]);
  await signInViaApi(page.request, user);
  await page.goto(area.path);
  await generateAndClose(page, "Nightly export");

  await page.getByRole("button", { name: "Generate token" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate token" });
  const name = dialog.getByLabel("Name", { exact: true });
  const warning = "You already have a token named";
  await name.fill("someone else's");
  await expect(name).toHaveAccessibleDescription(/^Up to 100 characters/);
  await name.fill("nightly EXPORT ");
  await expect(name).toHaveAccessibleDescription(new RegExp(`^${warning} “nightly EXPORT”`));
  await dialog.getByRole("button", { name: "Generate token" }).click();
  await expect(newTokenDialog(page)).toBeVisible();
});
