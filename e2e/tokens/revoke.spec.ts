import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { generateAndClose, namesShown, TOKEN_AREAS, tokenRow } from "../support/token-pages";
import { maskToken, parseToken } from "../../lib/tokens/server/format";

for (const area of TOKEN_AREAS) {
  test(`revoking a token in the ${area.label} asks first, then removes it and stops it working`, async ({ page, makeUser }) => {
    const user = await makeUser(area.user);
    await signInViaApi(page.request, user);
    await page.goto(area.path);
    const token = await generateAndClose(page, "to revoke");
    await generateAndClose(page, "to keep");
    const { tokenId } = parseToken(token)!;
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    expect((await page.request.get("/api/v1/me", auth)).status()).toBe(200);

    await tokenRow(page, "to revoke").getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke token" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("to revoke");
    await expect(dialog).toContainText(maskToken(tokenId));
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
    await expect(tokenRow(page, "to revoke")).toHaveCount(1);

    await tokenRow(page, "to revoke").getByRole("button", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();
    await expect(tokenRow(page, "to revoke")).toHaveCount(0);
    expect(await namesShown(page)).toEqual(["to keep"]);

    const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.revokedAt).not.toBeNull();
    expect(row.revokedReason).toBe("owner");
    expect((await page.request.get("/api/v1/me", auth)).status()).toBe(401);

    await page.reload();
    expect(await namesShown(page)).toEqual(["to keep"]);
  });
}

test("revoking a token already revoked elsewhere says so without changing anything", async ({ page, makeUser }) => {
  const user = await makeUser({ area: "staff" });
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const { tokenId } = parseToken(await generateAndClose(page, "twice"))!;
  const revokedAt = new Date(Date.now() - 60_000);
  await testDb().apiToken.update({ where: { id: tokenId }, data: { revokedAt, revokedReason: "reported" } });

  await tokenRow(page, "twice").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke token" });
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("This token does not exist or was already revoked.");
  const row = await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
  expect(row.revokedAt).toEqual(revokedAt);
  expect(row.revokedReason).toBe("reported");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(tokenRow(page, "twice")).toHaveCount(0);
});
