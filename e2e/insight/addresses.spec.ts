import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { TOKEN_AREAS } from "../support/token-pages";
import { createTestToken } from "../support/tokens";
import { activityItems, addressPrefix, callFrom, detailsPath, listRow } from "./helpers";

for (const area of TOKEN_AREAS) {
  test.describe(`where a token is used from, in the ${area.label}`, () => {
    test("records each address and user agent, keeps the last five, and flags a new address in the list", async ({ page, request, makeUser }) => {
      const user = await makeUser(area.user);
      const { token, tokenId } = await createTestToken(user.id, { name: "warehouse sync" });
      const prefix = addressPrefix();
      const addresses = [1, 2, 3, 4, 5, 6, 7].map((i) => `${prefix}.${i}`);

      for (const [index, address] of addresses.entries()) {
        expect((await callFrom(request, token, address, `sync-agent/${index + 1}`)).status()).toBe(200);
        // Written off the request's path: wait for it, so that the order of the addresses is certain.
        await expect.poll(async () => testDb().tokenAddress.count({ where: { tokenId, address } })).toBe(1);
      }
      const kept = async () => {
        const rows = await testDb().tokenAddress.findMany({ where: { tokenId }, orderBy: { lastSeenAt: "desc" } });
        return rows.map((row) => [row.address, row.userAgent]);
      };
      await expect.poll(kept).toEqual([7, 6, 5, 4, 3].map((i) => [`${prefix}.${i}`, `sync-agent/${i}`]));
      expect(await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).toMatchObject({ lastUsedAddress: addresses[6], lastUsedUserAgent: "sync-agent/7" });

      // More requests from the last address within the minute write nothing.
      const stamped = await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
      for (let i = 0; i < 20; i++) expect((await callFrom(request, token, addresses[6], "sync-agent/other")).status()).toBe(200);
      await page.waitForTimeout(500);
      expect(await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).toMatchObject({
        lastUsedAt: stamped.lastUsedAt,
        lastUsedUserAgent: "sync-agent/7",
      });

      await signInViaApi(page.request, user);
      await page.goto(area.path);
      const row = listRow(page, "warehouse sync");
      await expect(row.getByText("New address", { exact: true })).toBeVisible();
      await row.getByRole("link", { name: "warehouse sync" }).click();
      await expect(page).toHaveURL(new RegExp(`${detailsPath(area.path, tokenId)}$`));
      await expect(page.getByRole("heading", { level: 1, name: "warehouse sync" })).toBeVisible();

      const lastUse = page.getByRole("region", { name: "Last used from" });
      await expect(lastUse.getByRole("definition").first()).toHaveText(addresses[6]);
      await expect(lastUse.getByRole("definition").nth(1)).toHaveText("sync-agent/7");
      const recent = lastUse.getByRole("table", { name: "Recent addresses" }).locator("tbody tr");
      await expect(recent).toHaveCount(5);
      await expect(recent.locator("td:first-child")).toHaveText([7, 6, 5, 4, 3].map((i) => `${prefix}.${i}`));
      await expect(recent.locator("td:nth-child(2)")).toHaveText([7, 6, 5, 4, 3].map((i) => `sync-agent/${i}`));

      // The timeline keeps every first use, including the addresses no longer among the five.
      const firstUses = activityItems(page).filter({ hasText: "First used from" });
      await expect(firstUses).toHaveCount(7);
      await expect(firstUses.first()).toContainText(`First used from ${addresses[6]}`);
      await expect(firstUses.last()).toContainText(`First used from ${addresses[0]}`);
    });

    test("a token used from one address only is not flagged", async ({ page, request, makeUser }) => {
      const user = await makeUser(area.user);
      const { token, tokenId } = await createTestToken(user.id, { name: "single home" });
      const address = `${addressPrefix()}.9`;
      expect((await callFrom(request, token, address, "curl/8")).status()).toBe(200);
      await expect.poll(async () => testDb().tokenAddress.count({ where: { tokenId } })).toBe(1);

      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await expect(listRow(page, "single home")).toHaveCount(1);
      await expect(listRow(page, "single home").getByText("New address")).toHaveCount(0);
      await page.goto(detailsPath(area.path, tokenId));
      await expect(activityItems(page).filter({ hasText: `First used from ${address}` })).toHaveCount(1);
    });
  });
}
