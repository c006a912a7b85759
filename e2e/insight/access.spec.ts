import { administratorSpec, visitorPage } from "../support/admin";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateDialog, TOKEN_AREAS } from "../support/token-pages";
import { bearer, createTestToken } from "../support/tokens";
import { maskToken } from "../../lib/tokens/server/format";
import { detailsPath } from "./helpers";

const ACCESS_CASES = [
  { ...TOKEN_AREAS[0], user: { area: "staff" as const, permissions: ["orders:read", "products:write"] as const, groups: ["APAC", "EMEA"] } },
  TOKEN_AREAS[1],
];

for (const area of ACCESS_CASES) {
  test(`the generate dialog in the ${area.label} shows what the token will be able to do, as GET /api/v1/me reports it`, async ({ page, request, makeUser }) => {
    const user = await makeUser({ ...area.user, permissions: area.user.permissions ? [...area.user.permissions] : undefined });
    const { token } = await createTestToken(user.id);
    const me = await (await request.get("/api/v1/me", { headers: bearer(token) })).json();

    await signInViaApi(page.request, user);
    await page.goto(area.path);
    await page.getByRole("button", { name: "Generate token" }).click();
    const panel = generateDialog(page).getByRole("region", { name: "What this token can do" });
    await expect(panel.getByRole("list", { name: "Permissions" }).getByRole("listitem")).toHaveText(me.permissions);
    await expect(panel.getByRole("list", { name: "Visibility groups" }).getByRole("listitem")).toHaveText(
      me.visibilityGroups.map((group: { name: string }) => group.name),
    );
    await expect(panel).toContainText("create a separate user with limited roles");

    const guide = panel.getByRole("link", { name: "How to make a least-privilege token" });
    const response = await page.request.get((await guide.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("A token that can only read orders in EMEA");
  });
}

test("a user with no permissions is told so before making a token", async ({ page, makeUser }) => {
  const user = await makeUser({ permissions: [], groups: [] });
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  await page.getByRole("button", { name: "Generate token" }).click();
  const panel = generateDialog(page).getByRole("region", { name: "What this token can do" });
  await expect(panel.getByRole("list", { name: "Permissions" })).toHaveText("none");
  await expect(panel.getByRole("list", { name: "Visibility groups" })).toHaveText("none");
});

test("the least-privilege guide is served as a page", async ({ page }) => {
  await page.goto("/guides/least-privilege-token");
  await expect(page.getByRole("heading", { level: 1, name: "A token that can only read orders in EMEA" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1. A role with only `orders:read`".replaceAll("`", "") })).toBeVisible();
});

for (const area of TOKEN_AREAS) {
  test.describe(`a token's details in the ${area.label} are its owner's only`, () => {
    test("the owner sees them; another user, an administrator included, gets 404", async ({ page, browser, makeUser }) => {
      const owner = await makeUser(area.user);
      const { tokenId } = await createTestToken(owner.id, { name: "private ledger sync" });
      const path = detailsPath(area.path, tokenId);

      await signInViaApi(page.request, owner);
      const allowed = await page.goto(path);
      expect(allowed?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "private ledger sync" })).toBeVisible();

      const strangers = [await makeUser(area.user), ...(area.user.area === "staff" ? [await makeUser(administratorSpec())] : [])];
      for (const stranger of strangers) {
        const strangerPage = await visitorPage(browser);
        await signInViaApi(strangerPage.request, stranger);
        const denied = await strangerPage.goto(path);
        expect(denied?.status()).toBe(404);
        // The URL names the ID, of course; nothing the owner keeps about the token may show.
        const content = await strangerPage.content();
        expect(content).not.toContain("private ledger sync");
        expect(content).not.toContain(maskToken(tokenId));
        // Shown inside the area, with its navigation, like any other page of it.
        await expect(strangerPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
        await expect(strangerPage.getByRole("navigation", { name: "Main" })).toBeVisible();
        await strangerPage.context().close();
      }
    });

    test("a token that does not exist, or an ID that is not one, gets the same 404", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      for (const id of ["000000000000", "not-a-token", "A".repeat(13)]) {
        expect((await page.goto(`${area.path}/${id}`))?.status()).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      }
    });

    test("signed out, the details page sends to sign-in", async ({ page, makeUser }) => {
      const owner = await makeUser(area.user);
      const { tokenId } = await createTestToken(owner.id);
      await page.goto(detailsPath(area.path, tokenId));
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    });
  });
}

test("a partner cannot reach a staff user's token through the partner hub, nor the reverse", async ({ page, browser, makeUser }) => {
  const staff = await makeUser(TOKEN_AREAS[0].user);
  const partner = await makeUser(TOKEN_AREAS[1].user);
  const staffToken = await createTestToken(staff.id, { name: "staff only" });
  const partnerToken = await createTestToken(partner.id, { name: "partner only" });

  await signInViaApi(page.request, partner);
  expect((await page.goto(detailsPath(TOKEN_AREAS[1].path, staffToken.tokenId)))?.status()).toBe(404);
  // The admin panel refuses partners altogether.
  await page.goto(detailsPath(TOKEN_AREAS[0].path, staffToken.tokenId));
  await expect(page).toHaveURL(/\/partner$/);

  const staffPage = await visitorPage(browser);
  await signInViaApi(staffPage.request, staff);
  expect((await staffPage.goto(detailsPath(TOKEN_AREAS[0].path, partnerToken.tokenId)))?.status()).toBe(404);
  await staffPage.context().close();
});
