import { expect, signInViaApi, test } from "../support/fixtures";
import { namesShown, seedTokens, TOKEN_AREAS, tokenRow } from "../support/token-pages";

const DAY_MS = 24 * 60 * 60 * 1000;

for (const area of TOKEN_AREAS) {
  test.describe(`the token list in the ${area.label}`, () => {
    test("says so when the user has no tokens at all", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
      await expect(page.getByRole("table", { name: "API tokens" })).toHaveCount(0);
    });

    test("filters by name, case-insensitively, kept in the URL across a reload", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await seedTokens(user.id, ["Deploy bot", "Reporting", "staging-DEPLOY", "100% coverage", "1000 coverage", "snake_case", "snakeXcase"]);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      expect(await namesShown(page)).toEqual(["snakeXcase", "snake_case", "1000 coverage", "100% coverage", "staging-DEPLOY", "Reporting", "Deploy bot"]);

      const filter = page.getByLabel("Filter by name");
      await filter.fill("dEpLoY");
      await filter.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${area.path}\\?q=dEpLoY$`));
      await expect.poll(() => namesShown(page)).toEqual(["staging-DEPLOY", "Deploy bot"]);

      await page.reload();
      await expect(filter).toHaveValue("dEpLoY");
      expect(await namesShown(page)).toEqual(["staging-DEPLOY", "Deploy bot"]);

      // A percent sign is text to look for, not a wildcard.
      await filter.fill("0%");
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page).toHaveURL(/\?q=0%25$/);
      await expect.poll(() => namesShown(page)).toEqual(["100% coverage"]);
      await filter.fill("e_c");
      await filter.press("Enter");
      await expect.poll(() => namesShown(page)).toEqual(["snake_case"]);

      await filter.fill("no such token");
      await filter.press("Enter");
      await expect(page.getByText("No tokens match “no such token”.")).toBeVisible();
      await expect(page.getByText("You have no API tokens yet.")).toHaveCount(0);

      await page.getByRole("link", { name: "Clear filter" }).click();
      await expect(page).toHaveURL(new RegExp(`${area.path}$`));
      await expect(filter).toHaveValue("");
      await expect.poll(() => namesShown(page)).toHaveLength(7);
    });

    test("pages 25 at a time, newest first, keeping the filter", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      const names = Array.from({ length: 30 }, (_, index) => `batch ${String(index + 1).padStart(2, "0")}`);
      await seedTokens(user.id, [...names, "other"]);
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      const newestFirst = [...names].reverse();
      expect(await namesShown(page)).toEqual(["other", ...newestFirst.slice(0, 24)]);

      await page.getByLabel("Filter by name").fill("batch");
      await page.getByLabel("Filter by name").press("Enter");
      await expect.poll(() => namesShown(page)).toEqual(newestFirst.slice(0, 25));
      await expect(page.getByRole("link", { name: "First page" })).toHaveCount(0);

      await page.getByRole("link", { name: "Next page" }).click();
      await expect(page).toHaveURL(/\?q=batch&cursor=/);
      await expect.poll(() => namesShown(page)).toEqual(newestFirst.slice(25));
      await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
      await page.reload();
      expect(await namesShown(page)).toEqual(newestFirst.slice(25));

      await page.getByRole("link", { name: "First page" }).click();
      await expect(page).toHaveURL(new RegExp(`${area.path}\\?q=batch$`));
      await expect.poll(() => namesShown(page)).toEqual(newestFirst.slice(0, 25));
    });

    test("shows when each token was last used, with the exact time on hover", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await seedTokens(user.id, ["five days"], { lastUsedAt: new Date(Date.now() - 5 * DAY_MS) });
      await seedTokens(user.id, ["unused"]);
      await signInViaApi(page.request, user);
      await page.goto(area.path);

      const used = tokenRow(page, "five days").getByRole("cell").nth(3);
      await expect(used).toHaveText("5 days ago");
      await expect(used.locator("time")).toHaveAttribute("title", /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC$/);
      await expect(tokenRow(page, "unused").getByRole("cell").nth(3)).toHaveText("never");
      await expect(tokenRow(page, "unused").getByRole("cell").nth(2).locator("time")).toHaveAttribute("title", /UTC$/);
    });
  });
}

test("the table has the columns of the contract", async ({ page, makeUser }) => {
  const user = await makeUser({ area: "staff" });
  await seedTokens(user.id, ["columns"]);
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const headers = await page.getByRole("table", { name: "API tokens" }).getByRole("columnheader").allTextContents();
  expect(headers.slice(0, 4)).toEqual(["Name", "Token", "Created", "Last used"]);
  await expect(tokenRow(page, "columns").getByRole("button", { name: "Delete" })).toBeVisible();
});

test("a filter longer than any token name is cut to the longest name, and the page still answers", async ({ page, makeUser }) => {
  const user = await makeUser({ area: "staff" });
  // 100 characters, the longest a name can be, made of the LIKE wildcard pieces the long filter repeats.
  const longestName = "x_".repeat(50);
  await seedTokens(user.id, [longestName, "Deploy bot"]);
  await signInViaApi(page.request, user);

  // 2,000 pieces between wildcard characters: each used to become a LIKE condition of one query, which the
  // database refused, and the page answered 500.
  const response = await page.goto(`${TOKEN_AREAS[0].path}?q=${encodeURIComponent("x_".repeat(2000))}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Filter by name")).toHaveValue(longestName);
  expect(await namesShown(page)).toEqual([longestName]);

  const filter = page.getByLabel("Filter by name");
  await filter.fill("deploy");
  await filter.press("Enter");
  await expect.poll(() => namesShown(page)).toEqual(["Deploy bot"]);
});

test("a filter with LIKE wildcard characters matches them literally across many pages", async ({ page, makeUser }) => {
  const user = await makeUser({ area: "staff" });
  const numbers = Array.from({ length: 240 }, (_, index) => index + 1);
  // Each "t_N" has a decoy "tXN" that a LIKE pattern with _ as a wildcard would also match.
  await seedTokens(user.id, numbers.flatMap((n) => [`t_${n}`, `tX${n}`]));
  await signInViaApi(page.request, user);
  await page.goto(`${TOKEN_AREAS[0].path}?q=t_2`);

  const expected = numbers.filter((n) => String(n).startsWith("2")).reverse().map((n) => `t_${n}`);
  expect(expected).toHaveLength(52);
  await expect.poll(() => namesShown(page)).toEqual(expected.slice(0, 25));
  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(() => namesShown(page)).toEqual(expected.slice(25, 50));
  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(() => namesShown(page)).toEqual(expected.slice(50));
  await expect(page).toHaveURL(/\?q=t_2&cursor=/);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
});
