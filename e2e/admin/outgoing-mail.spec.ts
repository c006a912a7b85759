import { administratorSpec } from "../support/admin";
import { expect, signInViaApi, test } from "../support/fixtures";
import { generateAndClose, TOKEN_AREAS } from "../support/token-pages";
import { parseToken } from "../../lib/tokens/server/format";

const OUTGOING_MAIL = "/admin/settings/outgoing-mail";

test.describe("Settings › Outgoing mail", () => {
  test("without SMTP the outbox keeps the notices, and an administrator reads them, without any secret", async ({ page, makeUser }) => {
    const owner = await makeUser(TOKEN_AREAS[1].user);
    await signInViaApi(page.request, owner);
    await page.goto(TOKEN_AREAS[1].path);
    const token = await generateAndClose(page, "outbox demo token");

    const admin = await makeUser(administratorSpec());
    await page.context().clearCookies();
    await signInViaApi(page.request, admin);
    await page.goto("/admin/settings");
    await page.getByRole("link", { name: "Outgoing mail" }).first().click();
    await expect(page).toHaveURL(OUTGOING_MAIL);
    await expect(page.getByText("No SMTP server is configured (SMTP_URL)", { exact: false })).toBeVisible();
    const row = page.getByRole("table", { name: "Outgoing mail" }).locator("tbody tr").filter({ hasText: owner.email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("A new API token was generated: outbox demo token");
    // Waiting here; another instance of the suite with SMTP may have sent it meanwhile.
    await expect(row).toContainText(/Waiting|Sent/);
    await row.getByText("A new API token was generated").click();
    await expect(row.locator("pre")).toContainText(`/partner/api-tokens/${parseToken(token)!.tokenId}`);
    await expect(row.locator("pre")).not.toContainText(parseToken(token)!.secret);
  });

  test("users without users:manage and partners cannot read it", async ({ page, makeUser }) => {
    const staff = await makeUser({ area: "staff" });
    await signInViaApi(page.request, staff);
    await page.goto("/admin/settings");
    await expect(page.getByRole("link", { name: "Outgoing mail" })).toHaveCount(0);
    await page.goto(OUTGOING_MAIL);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Outgoing mail" })).toHaveCount(0);

    const partnerManager = await makeUser({ area: "partner", permissions: ["users:manage"], groups: ["Acme"] });
    await page.context().clearCookies();
    await signInViaApi(page.request, partnerManager);
    await page.goto(OUTGOING_MAIL);
    await expect(page).toHaveURL(/\/partner$/);
  });
});
