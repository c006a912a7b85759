import { ADMIN_MESSAGES } from "../../lib/admin/messages";
import { administratorSpec, section, unique } from "../support/admin";
import { testDb } from "../support/db";
import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "../support/fixtures";

test.describe("visibility groups", () => {
  test("an administrator creates a group and renames it", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const name = unique("Nordics");
    await signInViaApi(page.request, admin);
    await page.goto("/admin/groups");

    const form = section(page, "New visibility group");
    await form.getByLabel("Name", { exact: true }).fill(`  ${name}  `);
    await form.getByRole("button", { name: "Create group" }).click();
    await expect(form.getByRole("status")).toHaveText(`Visibility group “${name}” created.`);
    const group = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name } });
    const row = page.getByRole("table", { name: "Visibility groups" }).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row.getByRole("cell")).toHaveText([name, "0", "0", "0"]);

    // The new group is offered when creating or editing users.
    await page.goto("/admin/users/new");
    await expect(page.getByRole("group", { name: "Visibility groups" }).getByRole("checkbox", { name, exact: true })).toBeVisible();

    await page.goto(`/admin/groups/${group.id}`);
    const renamed = unique("Nordic countries");
    const edit = section(page, "Name");
    await edit.getByLabel("Name", { exact: true }).fill(renamed);
    await edit.getByRole("button", { name: "Rename group" }).click();
    await expect(edit.getByRole("status")).toHaveText("Visibility group renamed.");
    await expect(page.getByRole("heading", { name: renamed, level: 1 })).toBeVisible();
    expect((await testDb().visibilityGroup.findUniqueOrThrow({ where: { id: group.id } })).name).toBe(renamed);
  });

  test("groups are listed by name as people read it, whatever the letter case", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const tag = unique("order").split(" ")[1];
    // Created out of order; byte order would put "Zulu" and "Mike" before "alpha".
    const names = [`Zulu ${tag}`, `alpha ${tag}`, `Mike ${tag}`, `bravo ${tag}`];
    await testDb().visibilityGroup.createMany({ data: names.map((name) => ({ name })) });
    try {
      await signInViaApi(page.request, admin);
      await page.goto("/admin/groups");
      const shown = await page.getByRole("table", { name: "Visibility groups" }).getByRole("link").allTextContents();
      expect(shown.filter((name) => name.endsWith(tag))).toEqual([`alpha ${tag}`, `bravo ${tag}`, `Mike ${tag}`, `Zulu ${tag}`]);
    } finally {
      await testDb().visibilityGroup.deleteMany({ where: { name: { in: names } } });
    }
  });

  test("group names must be present and unique regardless of case", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    await signInViaApi(page.request, admin);
    await page.goto("/admin/groups");
    const form = section(page, "New visibility group");

    await form.getByLabel("Name", { exact: true }).fill("emea");
    await form.getByRole("button", { name: "Create group" }).click();
    await expect(form.getByText(ADMIN_MESSAGES.duplicateGroup("emea"))).toBeVisible();
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("emea");

    await form.getByLabel("Name", { exact: true }).fill("");
    await form.getByRole("button", { name: "Create group" }).click();
    await expect(form.getByText("Enter a name.")).toBeVisible();
    expect(await testDb().visibilityGroup.count({ where: { name: "emea" } })).toBe(0);
  });

  test("a group with members or records cannot be deleted; an unused one can", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const withMember = await testDb().visibilityGroup.create({ data: { name: unique("Members") } });
    await makeUser({ groups: [withMember.name] });
    const withOrders = await testDb().visibilityGroup.create({ data: { name: unique("Orders") } });
    await testDb().order.createMany({
      data: [
        { customer: "Group test", totalCents: 100, groupId: withOrders.id },
        { customer: "Group test", totalCents: 200, groupId: withOrders.id },
      ],
    });
    const unused = await testDb().visibilityGroup.create({ data: { name: unique("Unused") } });
    await signInViaApi(page.request, admin);

    await page.goto(`/admin/groups/${withMember.id}`);
    let remove = section(page, "Delete visibility group");
    await remove.getByRole("button", { name: "Delete group" }).click();
    await confirmDeletion(page);
    await expect(remove.getByRole("alert")).toHaveText(ADMIN_MESSAGES.groupInUse(withMember.name, ["1 user belongs to it"]));

    await page.goto(`/admin/groups/${withOrders.id}`);
    remove = section(page, "Delete visibility group");
    await remove.getByRole("button", { name: "Delete group" }).click();
    await confirmDeletion(page);
    await expect(remove.getByRole("alert")).toHaveText(ADMIN_MESSAGES.groupInUse(withOrders.name, ["it holds 2 orders"]));
    expect(await testDb().visibilityGroup.count({ where: { id: { in: [withMember.id, withOrders.id] } } })).toBe(2);

    await page.goto(`/admin/groups/${unused.id}`);
    await section(page, "Delete visibility group").getByRole("button", { name: "Delete group" }).click();
    await confirmDeletion(page);
    await expect(page).toHaveURL(/\/admin\/groups\?deleted=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Visibility group deleted." })).toBeVisible();
    expect(await testDb().visibilityGroup.count({ where: { id: unused.id } })).toBe(0);
  });
});

/** Deleting asks first, as revoking a token does: the dialog names what goes, and its Delete button goes ahead. */
async function confirmDeletion(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog", { name: /^Delete visibility group / });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog).toBeHidden();
}
