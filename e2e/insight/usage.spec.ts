import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { TOKEN_AREAS } from "../support/token-pages";
import { bearer, createTestToken, withWrongSecret } from "../support/tokens";
import { detailsPath } from "./helpers";

// Counts are kept in memory and written every TOKEN_USAGE_FLUSH_MS (10 s by default): allow a few intervals.
const FLUSH_WAIT_MS = 35_000;

async function storedCount(tokenId: string): Promise<number> {
  const rows = await testDb().tokenUsageDay.findMany({ where: { tokenId } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}

for (const area of TOKEN_AREAS) {
  test(`usage in the ${area.label} counts the token's authenticated requests per day`, async ({ page, request, makeUser }) => {
    test.setTimeout(90_000);
    const user = await makeUser(area.user);
    const used = await createTestToken(user.id, { name: "counted" });
    const other = await createTestToken(user.id, { name: "other" });
    const paths = ["/api/v1/me", "/api/v1/orders", "/api/v1/products", "/api/v1/orders?limit=1"];
    const made = 13;
    for (let i = 0; i < made; i++) expect((await request.get(paths[i % paths.length], { headers: bearer(used.token) })).status()).toBe(200);
    // Refused requests are not the token's use.
    for (let i = 0; i < 3; i++) expect((await request.get("/api/v1/me", { headers: bearer(withWrongSecret(used)) })).status()).toBe(401);
    expect((await request.get("/api/v1/me", { headers: bearer(other.token) })).status()).toBe(200);

    await expect.poll(() => storedCount(used.tokenId), { timeout: FLUSH_WAIT_MS }).toBe(made);
    await expect.poll(() => storedCount(other.tokenId), { timeout: FLUSH_WAIT_MS }).toBe(1);

    await signInViaApi(page.request, user);
    await page.goto(detailsPath(area.path, used.tokenId));
    const usage = page.getByRole("region", { name: "Usage" });
    await expect(usage).toContainText(`${made} requests in the last 30 days`);
    const days = usage.getByRole("table", { name: "Requests per day" }).locator("tbody tr");
    await expect(days).toHaveCount(30);
    const today = new Date().toISOString().slice(0, 10);
    const counts = await days.evaluateAll((rows) => rows.map((row) => [row.children[0].textContent, Number(row.children[1].textContent)] as const));
    // Requests made just before midnight UTC may have landed on the day before.
    expect(counts.reduce((sum, [, count]) => sum + count, 0)).toBe(made);
    expect(counts[29][0]).toBe(today);
  });
}
