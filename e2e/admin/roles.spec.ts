import { ADMIN_MESSAGES } from "../../lib/admin/messages";
import { administratorSpec, createRole, permissionsOfRole, section, setChoice, unique } from "../support/admin";
import { testDb } from "../support/db";
import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";

test.describe("roles", () => {
  test("an administrator creates a role from the permission catalogue, then renames it and changes its permissions", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const name = unique("Order clerk");
    await signInViaApi(page.request, admin);
    await page.goto("/admin/roles");

    const form = section(page, "New role");
    // Every permission of the catalogue is offered, with what it allows.
    const permissions = form.getByRole("group", { name: "Permissions" }).getByRole("checkbox");
    await expect(permissions).toHaveCount(5);
    await expect(form.getByRole("checkbox", { name: "orders:write", exact: true })).toHaveAccessibleDescription("Create orders and change their status");

    await form.getByLabel("Name", { exact: true }).fill(name);
    await setChoice(form, "Permissions", "orders:read", true);
    await setChoice(form, "Permissions", "orders:write", true);
    await form.getByRole("button", { name: "Create role" }).click();
    await expect(form.getByRole("status")).toHaveText(`Role “${name}” created.`);
    // The form is ready for the next role.
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("");
    await expect(form.getByRole("checkbox", { name: "orders:read", exact: true })).not.toBeChecked();

    const role = await testDb().role.findUniqueOrThrow({ where: { name } });
    expect(await permissionsOfRole(role.id)).toEqual(["orders:read", "orders:write"]);
    const row = page.getByRole("table", { name: "Roles" }).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row).toContainText("orders:read");
    await expect(row).toContainText("orders:write");

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    const edit = section(page, "Name and permissions");
    await expect(edit.getByRole("checkbox", { name: "orders:write", exact: true })).toBeChecked();
    const renamed = unique("Order viewer");
    await edit.getByLabel("Name", { exact: true }).fill(renamed);
    await setChoice(edit, "Permissions", "orders:write", false);
    await setChoice(edit, "Permissions", "products:read", true);
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit.getByRole("status")).toContainText("Role saved.");
    await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
    await expect(edit.getByRole("checkbox", { name: "orders:write", exact: true })).not.toBeChecked();

    expect((await testDb().role.findUniqueOrThrow({ where: { id: role.id } })).name).toBe(renamed);
    expect(await permissionsOfRole(role.id)).toEqual(["orders:read", "products:read"]);
  });

  test("role names must be present, not too long and unique regardless of case", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const existing = await createRole(unique("Auditor"), ["orders:read"]);
    const other = await createRole(unique("Auditor"), ["orders:read"]);
    await signInViaApi(page.request, admin);
    await page.goto("/admin/roles");
    const form = section(page, "New role");

    await form.getByLabel("Name", { exact: true }).fill(existing.name.toUpperCase());
    await setChoice(form, "Permissions", "products:read", true);
    await form.getByRole("button", { name: "Create role" }).click();
    await expect(form.getByText(ADMIN_MESSAGES.duplicateRole(existing.name.toUpperCase()))).toBeVisible();
    // The choices made are kept for another try.
    await expect(form.getByRole("checkbox", { name: "products:read", exact: true })).toBeChecked();

    await form.getByLabel("Name", { exact: true }).fill("   ");
    await form.getByRole("button", { name: "Create role" }).click();
    await expect(form.getByText("Enter a name.")).toBeVisible();

    await form.getByLabel("Name", { exact: true }).fill("x".repeat(61));
    await form.getByRole("button", { name: "Create role" }).click();
    await expect(form.getByText("The name must be at most 60 characters.")).toBeVisible();
    expect(await testDb().role.count({ where: { name: { in: [existing.name.toUpperCase(), "x".repeat(61)] } } })).toBe(0);

    // Renaming onto another role's name is refused too.
    await page.goto(`/admin/roles/${other.id}`);
    const edit = section(page, "Name and permissions");
    await edit.getByLabel("Name", { exact: true }).fill(existing.name);
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit.getByText(ADMIN_MESSAGES.duplicateRole(existing.name))).toBeVisible();
    expect((await testDb().role.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(other.name);
  });

  test("a role that users have cannot be deleted; an unused one can", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const holder = await makeUser({ permissions: ["orders:read"] });
    const used = await testDb().userRole.findFirstOrThrow({ where: { userId: holder.id }, select: { role: true } });
    const unused = await createRole(unique("Spare"), ["orders:read"]);
    await signInViaApi(page.request, admin);

    await page.goto(`/admin/roles/${used.role.id}`);
    await expect(page.getByText("1 user has this role.")).toBeVisible();
    const remove = section(page, "Delete role");
    await remove.getByRole("button", { name: "Delete role" }).click();
    await confirmDeletion(page);
    await expect(remove.getByRole("alert")).toHaveText(ADMIN_MESSAGES.roleInUse(used.role.name, 1));
    await expect(remove.getByRole("alert")).toContainText("1 user has it");
    expect(await testDb().role.count({ where: { id: used.role.id } })).toBe(1);
    expect(await testDb().userRole.count({ where: { userId: holder.id } })).toBe(1);

    await page.goto(`/admin/roles/${unused.id}`);
    await section(page, "Delete role").getByRole("button", { name: "Delete role" }).click();
    await confirmDeletion(page);
    await expect(page).toHaveURL(/\/admin\/roles\?deleted=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Role deleted." })).toBeVisible();
    await expect(page.getByRole("link", { name: unused.name, exact: true })).toHaveCount(0);
    expect(await testDb().role.count({ where: { id: unused.id } })).toBe(0);
    expect(await testDb().rolePermission.count({ where: { roleId: unused.id } })).toBe(0);
  });
});

/** Deleting asks first, as revoking a token does: the dialog names what goes, and its Delete button goes ahead. */
async function confirmDeletion(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog", { name: /^Delete role / });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
}
