// Helpers for the administration pages' tests: administrators of the test's own, unique names, and the
// forms driven the way a person would.
import crypto from "node:crypto";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import type { Permission } from "../../lib/access/permissions";
import { testDb } from "./db";
import { signInViaForm, uniqueClientAddress, type TestUser, type UserSpec } from "./fixtures";

/** A name no other test uses, so that parallel tests on one database never meet. */
export function unique(prefix: string): string {
  return `${prefix} ${crypto.randomBytes(4).toString("hex")}`;
}

/** An administrator of the test's own: users:manage plus the reads, in EMEA. The demo admin is left alone. */
export function administratorSpec(extra: Permission[] = []): UserSpec {
  return { area: "staff", permissions: ["users:manage", "orders:read", "products:read", ...extra], groups: ["EMEA"] };
}

export async function createRole(name: string, permissions: Permission[]): Promise<{ id: string; name: string }> {
  return testDb().role.create({ data: { name, permissions: { create: permissions.map((permission) => ({ permission })) } }, select: { id: true, name: true } });
}

export async function roleIdsOf(userId: string): Promise<string[]> {
  return (await testDb().userRole.findMany({ where: { userId } })).map((row) => row.roleId).sort();
}

export async function groupNamesOf(userId: string): Promise<string[]> {
  const rows = await testDb().userGroup.findMany({ where: { userId }, select: { group: { select: { name: true } } } });
  return rows.map((row) => row.group.name).sort();
}

export async function permissionsOfRole(roleId: string): Promise<string[]> {
  return (await testDb().rolePermission.findMany({ where: { roleId } })).map((row) => row.permission).sort();
}

export function section(page: Page, name: string): Locator {
  return page.getByRole("region", { name });
}

/** Ticks or unticks a checkbox named exactly `label` inside a fieldset (Roles, Visibility groups, Permissions). */
export async function setChoice(scope: Locator | Page, legend: string, label: string, checked: boolean): Promise<void> {
  await scope.getByRole("group", { name: legend }).getByRole("checkbox", { name: label, exact: true }).setChecked(checked);
}

export type NewUserForm = { name: string; email: string; password: string; area?: "staff" | "partner"; roles?: string[]; groups?: string[] };

/** Fills in /admin/users/new and submits it. */
export async function submitNewUser(page: Page, form: NewUserForm): Promise<void> {
  await page.goto("/admin/users/new");
  await page.getByLabel("Name", { exact: true }).fill(form.name);
  await page.getByLabel("Email", { exact: true }).fill(form.email);
  await page.getByLabel("Initial password").fill(form.password);
  await page.getByRole("radio", { name: form.area === "partner" ? "Partner hub (partner)" : "Admin panel (staff)" }).check();
  for (const role of form.roles ?? []) await setChoice(page, "Roles", role, true);
  for (const group of form.groups ?? []) await setChoice(page, "Visibility groups", group, true);
  await page.getByRole("button", { name: "Create user" }).click();
}

/**
 * Waits for the page a created user is shown on. Creating one hashes the password and renders the new user's
 * page after a redirect: on a loaded two-core machine that has taken more than the usual ten seconds.
 */
export async function expectUserCreated(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/admin\/users\/[^/]+\?created=1$/, { timeout: 30_000 });
}

/** A page in a browser context of its own, calling from an address of its own like every test. */
export async function visitorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": uniqueClientAddress() } });
  return context.newPage();
}

/** A second person, signed in through the form, for watching what they see. */
export async function signedInPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await visitorPage(browser);
  await signInViaForm(page, user);
  await expect(page).toHaveURL(/\/admin$|\/partner$/);
  return page;
}

export async function userPage(page: Page, user: TestUser | { id: string }): Promise<void> {
  await page.goto(`/admin/users/${user.id}`);
}
