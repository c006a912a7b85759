import { administratorSpec, section, userPage, visitorPage } from "../support/admin";
import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateAndClose, TOKEN_AREAS } from "../support/token-pages";
import { createTestToken } from "../support/tokens";
import { parseToken } from "../../lib/tokens/server/format";
import { activityItems, addressPrefix, callFrom, detailsPath, listRow } from "./helpers";

for (const area of TOKEN_AREAS) {
  test(`a token's timeline in the ${area.label}: created, first use, owner deactivated and reactivated, revoked`, async ({ page, browser, request, makeUser }) => {
    const owner = await makeUser(area.user);
    const admin = await makeUser(administratorSpec());
    await signInViaApi(page.request, owner);
    await page.goto(area.path);
    const token = await generateAndClose(page, "timeline");
    const { tokenId } = parseToken(token)!;
    const address = `${addressPrefix()}.20`;
    expect((await callFrom(request, token, address, "timeline-test")).status()).toBe(200);
    await expect.poll(async () => testDb().tokenEvent.count({ where: { tokenId, kind: "new_address" } })).toBe(1);

    // An administrator deactivates and reactivates the owner: the token is kept, and its timeline says why it
    // stopped working for a while.
    const adminPage = await visitorPage(browser);
    await signInViaApi(adminPage.request, admin);
    await userPage(adminPage, owner);
    const status = section(adminPage, "Account status");
    await status.getByRole("button", { name: "Deactivate user" }).click();
    await expect(status.getByRole("status")).toContainText("User deactivated.");
    await status.getByRole("button", { name: "Reactivate user" }).click();
    await expect(status.getByRole("status")).toContainText("User reactivated.");
    await adminPage.context().close();

    await page.goto(area.path);
    await listRow(page, "timeline").getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke token" });
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(dialog).toBeHidden();

    // The revoked token has left the list, but its owner can still open its history.
    await page.goto(detailsPath(area.path, tokenId));
    await expect(page.getByRole("region", { name: "Token" })).toContainText("Revoked");
    const labels = (await activityItems(page).locator("strong").allTextContents()).map((label) => label.trim());
    expect(labels).toEqual(["Revoked by you", "Owner reactivated", "Owner deactivated", `First used from ${address}`, "Created"]);
  });
}

test("the timeline names regenerations and revocations after a leak report", async ({ page, makeUser }) => {
  const area = TOKEN_AREAS[0];
  const owner = await makeUser(area.user);
  const { tokenId } = await createTestToken(owner.id, { name: "leaked" });
  // Those flows have tests of their own (e2e/tokens); here only how the timeline tells them.
  const start = Date.now() - 60_000;
  await testDb().tokenEvent.createMany({
    data: [
      { tokenId, kind: "regenerated", detail: "86400", createdAt: new Date(start) },
      { tokenId, kind: "regenerated", detail: "0", createdAt: new Date(start + 1000) },
      { tokenId, kind: "revoked", detail: "reported", createdAt: new Date(start + 2000) },
    ],
  });
  await signInViaApi(page.request, owner);
  await page.goto(detailsPath(area.path, tokenId));
  await expect(activityItems(page)).toHaveText([
    /^Revoked: reported as exposed/,
    /^Regenerated · the previous secret stopped at once/,
    /^Regenerated · the previous secret kept working for 24 hours/,
  ]);
});
