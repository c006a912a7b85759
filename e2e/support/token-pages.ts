// Helpers for the token pages' browser tests: the two areas that have them, driving the generate dialog,
// reading the table, and seeding many tokens straight into the database.
import { expect, type Locator, type Page } from "@playwright/test";
import { generateToken } from "../../lib/tokens/server/format";
import { hashSecret } from "../../lib/tokens/server/hash";
import { testDb } from "./db";
import type { UserSpec } from "./fixtures";

export type TokenArea = { label: string; path: string; home: string; user: UserSpec };

export const TOKEN_AREAS: TokenArea[] = [
  { label: "admin panel", path: "/admin/settings/api-tokens", home: "/admin", user: { area: "staff" } },
  {
    label: "partner hub",
    path: "/partner/api-tokens",
    home: "/partner",
    user: { area: "partner", permissions: ["orders:read", "orders:write", "products:read"], groups: ["Acme"] },
  },
];

export function tokenTable(page: Page): Locator {
  return page.getByRole("table", { name: "API tokens" });
}

export function tokenRow(page: Page, name: string): Locator {
  return tokenTable(page).locator("tbody tr").filter({ has: page.getByRole("cell", { name, exact: true }) });
}

/** The names in the table, top to bottom. */
export async function namesShown(page: Page): Promise<string[]> {
  if ((await tokenTable(page).count()) === 0) return [];
  return tokenTable(page).locator("tbody tr td:first-child").allTextContents();
}

export function generateDialog(page: Page): Locator {
  return page.getByRole("dialog", { name: "Generate token" });
}

export function newTokenDialog(page: Page): Locator {
  return page.getByRole("dialog", { name: "Copy your new token" });
}

/** Opens the generate dialog and submits the name; the dialog is left open on whatever it shows next. */
/** The fields of the generate form: its action, told apart from the name check that runs while typing. */
export const GENERATE_FORM_FIELDS = ["name", "expiry"];

export async function submitTokenName(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "Generate token" }).click();
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Generate token" }).click();
}

/** Generates a token through the UI and returns the plaintext shown once; the dialog stays open. */
export async function generateInUi(page: Page, name: string): Promise<string> {
  await submitTokenName(page, name);
  const dialog = newTokenDialog(page);
  await expect(dialog).toBeVisible();
  return dialog.getByLabel("New token").inputValue();
}

/** Generates a token through the UI and closes the dialog after copying it. */
export async function generateAndClose(page: Page, name: string): Promise<string> {
  const token = await generateInUi(page, name);
  const dialog = newTokenDialog(page);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return token;
}

export type SeededToken = { id: string; name: string; createdAt: Date };

/**
 * Inserts tokens for a user as the token store would, one second apart in the given order (the last is
 * the newest), so that their order on the page is certain.
 */
export async function seedTokens(userId: string, names: string[], options: { lastUsedAt?: Date | null } = {}): Promise<SeededToken[]> {
  const start = Date.now() - names.length * 1000 - 60_000;
  const rows = names.map((name, index) => {
    const { tokenId, secret } = generateToken();
    return {
      id: tokenId,
      userId,
      name,
      nameSearch: name.toLowerCase(),
      secretHash: hashSecret(secret),
      createdAt: new Date(start + index * 1000),
      lastUsedAt: options.lastUsedAt ?? null,
    };
  });
  await testDb().apiToken.createMany({ data: rows });
  return rows.map(({ id, name, createdAt }) => ({ id, name, createdAt }));
}
