// Changing the token policy needs the password typed within the last 15 minutes (sudo mode). The policy is
// instance-wide, so this runs with the other instance-wide tests, alone.
import { administratorSpec } from "../support/admin";
import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";

const POLICY_KEY = "tokens.maxLifetimeDays";

test.describe("the token policy in sudo mode", () => {
  // Several browser contexts per test on a machine that may be heavily loaded.
  test.describe.configure({ timeout: 180_000 });

  test.afterEach(async () => {
    await testDb().setting.deleteMany({ where: { key: POLICY_KEY } });
  });

  test("16 minutes after sign-in, saving asks for the password; a wrong one changes nothing; the right one saves the choice", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    await signInViaApi(page.request, admin);
    await testDb().userSession.updateMany({ where: { userId: admin.id }, data: { confirmedAt: new Date(Date.now() - 16 * 60 * 1000) } });
    await page.goto("/admin/settings");
    const policy = page.getByRole("form", { name: "Token policy" });
    await policy.getByLabel("Maximum token lifetime").selectOption({ label: "90 days" });
    await policy.getByRole("button", { name: "Save policy" }).click();

    const confirm = page.getByRole("dialog", { name: "Confirm your password" });
    await expect(confirm.getByLabel("Password")).toBeFocused();
    expect(await testDb().setting.findUnique({ where: { key: POLICY_KEY } })).toBeNull();
    await confirm.getByLabel("Password").fill("not-my-password");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("Wrong password.");
    expect(await testDb().setting.findUnique({ where: { key: POLICY_KEY } })).toBeNull();

    await confirm.getByLabel("Password").fill(admin.password);
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(policy.getByRole("status")).toHaveText("Saved. New tokens can last at most 90 days. Existing tokens keep their expiry.");
    expect((await testDb().setting.findUniqueOrThrow({ where: { key: POLICY_KEY } })).value).toBe("90");
  });
});
