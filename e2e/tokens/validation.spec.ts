import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { generateAndClose, generateDialog, namesShown, submitTokenName, TOKEN_AREAS, tokenRow, GENERATE_FORM_FIELDS } from "../support/token-pages";

const BAD_NAMES = [
  { label: "an empty name", name: "", message: "Enter a name for the token." },
  { label: "a name of only spaces", name: "     ", message: "The name cannot be only spaces." },
  { label: "a 101-character name", name: "x".repeat(101), message: "The name must be at most 100 characters." },
];

for (const area of TOKEN_AREAS) {
  test.describe(`token names in the ${area.label}`, () => {
    for (const bad of BAD_NAMES) {
      test(`${bad.label} gets a clear message and creates nothing`, async ({ page, makeUser }) => {
        const user = await makeUser(area.user);
        await signInViaApi(page.request, user);
        await page.goto(area.path);
        await submitTokenName(page, bad.name);
        const dialog = generateDialog(page);
        const field = dialog.getByLabel("Name", { exact: true });
        await expect(dialog.getByRole("alert")).toHaveText(bad.message);
        await expect(field).toHaveAttribute("aria-invalid", "true");
        await expect(field).toHaveValue(bad.name);
        expect(await testDb().apiToken.count({ where: { userId: user.id } })).toBe(0);

        // The message goes once the name is fixed.
        await field.fill("fixed name");
        await dialog.getByRole("button", { name: "Generate token" }).click();
        await expect(page.getByRole("dialog", { name: "Copy your new token" })).toBeVisible();
        expect(await testDb().apiToken.count({ where: { userId: user.id } })).toBe(1);
      });
    }

    test("exactly 100 characters, counted as characters not bytes, is accepted", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      const name = "🔑".repeat(50) + "ä".repeat(50);
      await generateAndClose(page, name);
      expect((await testDb().apiToken.findFirstOrThrow({ where: { userId: user.id } })).name).toBe(name);
    });

    test("HTML and emoji in names are shown as text and stored exactly", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(area.path);
      const names = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "🚀 Déploiement 東京 — ok"];
      for (const name of names) await generateAndClose(page, name);
      await page.reload();

      expect(await namesShown(page)).toEqual([...names].reverse());
      await expect(page.locator("img[src='x']")).toHaveCount(0);
      await expect(page.locator("main script")).toHaveCount(0);
      const stored = await testDb().apiToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { name: true, nameSearch: true } });
      expect(stored.map((row) => row.name)).toEqual(names);

      await tokenRow(page, names[1]).getByRole("button", { name: "Delete" }).click();
      await expect(page.getByRole("dialog", { name: "Revoke token" })).toContainText(names[1]);
      await expect(page.locator("img[src='x']")).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });

    test("leading and trailing spaces are trimmed", async ({ page, makeUser }) => {
      const user = await makeUser(area.user);
      await signInViaApi(page.request, user);
      await page.goto(area.path);
      await generateAndClose(page, "   padded name  ");
      expect((await testDb().apiToken.findFirstOrThrow({ where: { userId: user.id } })).name).toBe("padded name");
    });
  });
}

test("the generate action checks the name itself, whatever the browser sends", async ({ page, makeUser }) => {
  const user = await makeUser({ area: "staff" });
  await signInViaApi(page.request, user);
  await page.goto(TOKEN_AREAS[0].path);
  const marker = "valid-name-to-replace";
  const action = await captureServerAction(page, () => submitTokenName(page, marker), { fields: GENERATE_FORM_FIELDS });
  await expect(page.getByRole("dialog", { name: "Copy your new token" })).toBeVisible();
  expect(action.body).toContain(marker);

  for (const bad of [...BAD_NAMES, { label: "control characters", name: "line\u0000break", message: "The name cannot contain control characters" }]) {
    const response = await replayServerAction(page.request, action, action.body.replace(marker, bad.name));
    expect(response.status(), bad.label).toBe(200);
    expect(await response.text(), bad.label).toContain(bad.message);
  }
  expect((await testDb().apiToken.findMany({ where: { userId: user.id }, select: { name: true } })).map((row) => row.name)).toEqual([marker]);
  expect(await namesShown(page)).toEqual([marker]);
});
