import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";
import { testDb } from "../support/db";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { seedTokens, TOKEN_AREAS, tokenTable } from "../support/token-pages";

const GENERIC_REFUSAL = "This token does not exist or was already revoked.";

function noteForm(page: Page) {
  return page.getByRole("form", { name: "Token note" });
}

async function saveNote(page: Page, note: string): Promise<void> {
  await noteForm(page).getByLabel("Note").fill(note);
  await noteForm(page).getByRole("button", { name: "Save note" }).click();
}

for (const area of TOKEN_AREAS) {
  test.describe(`notes on tokens in the ${area.label}`, () => {
    test("the owner writes a note in the details view; the list shows it under the name and the filter finds it", async ({ page, makeUser }) => {
      const owner = await makeUser(area.user);
      const [token] = await seedTokens(owner.id, ["billing export"]);
      await seedTokens(owner.id, ["unrelated"]);
      await signInViaApi(page.request, owner);
      await page.goto(`${area.path}/${token.id}`);

      await saveNote(page, "  Used by the Nightly Ledger job\nowner: finance team  ");
      await expect(noteForm(page).getByRole("status")).toHaveText("Note saved.");
      await expect(noteForm(page).getByLabel("Note")).toHaveValue("Used by the Nightly Ledger job\nowner: finance team");
      const stored = await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { note: true } });
      expect(stored.note).toBe("Used by the Nightly Ledger job\nowner: finance team");

      await page.goto(area.path);
      const row = tokenTable(page).locator("tbody tr").filter({ hasText: "billing export" });
      await expect(row.locator(".token-note")).toHaveText("Used by the Nightly Ledger job\nowner: finance team");

      // Case-insensitive, on the note as on the name.
      await page.goto(`${area.path}?q=${encodeURIComponent("nightly LEDGER")}`);
      await expect(tokenTable(page).locator("tbody tr")).toHaveCount(1);
      await expect(tokenTable(page).locator("tbody tr")).toContainText("billing export");
      // A filter with a LIKE wildcard is matched literally in the note too.
      await page.goto(`${area.path}?q=${encodeURIComponent("owner: finance")}`);
      await expect(tokenTable(page).locator("tbody tr")).toHaveCount(1);
      await page.goto(`${area.path}?q=${encodeURIComponent("finance_team")}`);
      await expect(page.getByText("No tokens match “finance_team”.")).toBeVisible();

      // Clearing the note removes it.
      await page.goto(`${area.path}/${token.id}`);
      await saveNote(page, "   ");
      await expect(noteForm(page).getByRole("status")).toHaveText("Note saved.");
      expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { note: true, noteSearch: true } }))).toEqual({ note: null, noteSearch: null });
    });

    test("a note over 500 characters or with control characters is refused and changes nothing", async ({ page, makeUser }) => {
      const owner = await makeUser(area.user);
      const [token] = await seedTokens(owner.id, ["kept note"]);
      await testDb().apiToken.update({ where: { id: token.id }, data: { note: "original", noteSearch: "original" } });
      await signInViaApi(page.request, owner);
      await page.goto(`${area.path}/${token.id}`);

      await saveNote(page, "x".repeat(501));
      await expect(noteForm(page).getByRole("alert").first()).toHaveText("The note was not saved. Check it and try again.");
      await expect(noteForm(page).getByText("The note must be at most 500 characters.")).toBeVisible();
      // 500 code points is the limit, whatever their UTF-16 length.
      await saveNote(page, "🔑".repeat(500));
      await expect(noteForm(page).getByRole("status")).toHaveText("Note saved.");
      await saveNote(page, "tab\there");
      await expect(noteForm(page).getByText("The note cannot contain control characters other than line breaks.")).toBeVisible();
      expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { note: true } })).note).toBe("🔑".repeat(500));
    });

    test("nobody else can write a note on a token, and the answer reveals nothing", async ({ page, makeUser, playwright, baseURL }) => {
      const victim = await makeUser(area.user);
      const [victimToken] = await seedTokens(victim.id, ["victim token"]);
      const attacker = await makeUser(area.user);
      const [ownToken] = await seedTokens(attacker.id, ["attacker token"]);
      await signInViaApi(page.request, attacker);
      await page.goto(`${area.path}/${ownToken.id}`);
      await noteForm(page).getByLabel("Note").fill("mine");
      const action = await captureServerAction(page, () => noteForm(page).getByRole("button", { name: "Save note" }).click());
      await expect(noteForm(page).getByRole("status")).toHaveText("Note saved.");
      expect(action.body).toContain(ownToken.id);

      const forVictim = await replayServerAction(page.request, action, action.body.replaceAll(ownToken.id, victimToken.id));
      const forMadeUp = await replayServerAction(page.request, action, action.body.replaceAll(ownToken.id, "ZZZZZZZZZZZZ"));
      expect(await forVictim.text()).toContain(GENERIC_REFUSAL);
      expect(await forVictim.text()).toBe((await forMadeUp.text()).replaceAll("ZZZZZZZZZZZZ", victimToken.id));
      const anonymous = await playwright.request.newContext({ baseURL });
      await replayServerAction(anonymous, action, action.body.replaceAll(ownToken.id, victimToken.id));
      await anonymous.dispose();
      expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: victimToken.id }, select: { note: true } })).note).toBeNull();

      // The victim's note is not shown in the attacker's view, nor found by the attacker's filter.
      await testDb().apiToken.update({ where: { id: victimToken.id }, data: { note: "victim private note", noteSearch: "victim private note" } });
      await page.goto(`${area.path}?q=private`);
      await expect(page.getByText("No tokens match “private”.")).toBeVisible();
    });
  });
}
