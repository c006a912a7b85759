import { ADMIN_MESSAGES } from "../../lib/admin/messages";
import { administratorSpec, createRole, permissionsOfRole, roleIdsOf, section, setChoice, userPage } from "../support/admin";
import { testDb } from "../support/db";
import { expect, signInViaApi, test } from "../support/fixtures";
import { captureServerAction, replayServerAction } from "../support/server-actions";

// The rules that keep someone able to manage users. "The last active holder of users:manage" cannot be
// reached here: the demo administrator and other tests' administrators always hold it too, and the demo
// users must stay as they are. tests/unit/admin-mutations.test.ts runs the same server-side functions against
// a scratch database where one administrator is the last, and covers that rule.
test.describe("administrators cannot lock themselves or everyone out", () => {
  test("nobody can deactivate themselves, not even by calling the action directly", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const other = await makeUser();
    await signInViaApi(page.request, admin);

    await userPage(page, admin);
    await expect(section(page, "Account status")).toContainText("This is your own account: you cannot deactivate it.");
    await expect(section(page, "Account status").getByRole("button")).toHaveCount(0);

    // The request that deactivates someone else, replayed with the administrator's own id.
    await userPage(page, other);
    const deactivate = await captureServerAction(page, () => section(page, "Account status").getByRole("button", { name: "Deactivate user" }).click());
    await expect(section(page, "Account status").getByRole("status")).toContainText("User deactivated.");
    expect(deactivate.body).toContain(other.id);
    const response = await replayServerAction(page.request, deactivate, deactivate.body.replaceAll(other.id, admin.id));
    expect(await response.text()).toContain(ADMIN_MESSAGES.ownDeactivation);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  });

  test("an administrator cannot drop the role that gives them users:manage, but may change the rest", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const [adminRoleId] = await roleIdsOf(admin.id);
    const adminRole = await testDb().role.findUniqueOrThrow({ where: { id: adminRoleId } });
    const extra = await createRole(`extra for ${adminRole.name}`, ["products:write"]);
    await signInViaApi(page.request, admin);
    await userPage(page, admin);
    const access = section(page, "Roles and visibility groups");

    await setChoice(access, "Roles", adminRole.name, false);
    await setChoice(access, "Roles", extra.name, true);
    await access.getByRole("button", { name: "Save roles and groups" }).click();
    await expect(access.getByRole("alert")).toHaveText(ADMIN_MESSAGES.ownUsersManage);
    // Nothing of the refused change was saved, not even the part that was allowed.
    expect(await roleIdsOf(admin.id)).toEqual([adminRoleId]);

    await setChoice(access, "Roles", adminRole.name, true);
    await setChoice(access, "Roles", extra.name, true);
    await setChoice(access, "Visibility groups", "APAC", true);
    await access.getByRole("button", { name: "Save roles and groups" }).click();
    await expect(access.getByRole("status")).toContainText("saved");
    expect(await roleIdsOf(admin.id)).toEqual([adminRoleId, extra.id].sort());
  });

  test("an administrator cannot take users:manage out of their own role, unless another role still gives it to them", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const [adminRoleId] = await roleIdsOf(admin.id);
    await signInViaApi(page.request, admin);

    await page.goto(`/admin/roles/${adminRoleId}`);
    const edit = section(page, "Name and permissions");
    await setChoice(edit, "Permissions", "users:manage", false);
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit.getByRole("alert")).toHaveText(ADMIN_MESSAGES.ownUsersManage);
    expect(await permissionsOfRole(adminRoleId)).toContain("users:manage");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

    const backup = await createRole(`backup for ${admin.email}`, ["users:manage"]);
    await testDb().userRole.create({ data: { userId: admin.id, roleId: backup.id } });
    await page.goto(`/admin/roles/${adminRoleId}`);
    await setChoice(edit, "Permissions", "users:manage", false);
    await edit.getByRole("button", { name: "Save role" }).click();
    await expect(edit.getByRole("status")).toContainText("Role saved.");
    expect(await permissionsOfRole(adminRoleId)).not.toContain("users:manage");
  });

  test("removing users:manage from another administrator is allowed", async ({ page, makeUser }) => {
    const admin = await makeUser(administratorSpec());
    const colleague = await makeUser(administratorSpec());
    const [colleagueRoleId] = await roleIdsOf(colleague.id);
    const colleagueRole = await testDb().role.findUniqueOrThrow({ where: { id: colleagueRoleId } });
    await signInViaApi(page.request, admin);
    await userPage(page, colleague);
    const access = section(page, "Roles and visibility groups");
    await setChoice(access, "Roles", colleagueRole.name, false);
    await access.getByRole("button", { name: "Save roles and groups" }).click();
    await expect(access.getByRole("status")).toContainText("saved");
    expect(await roleIdsOf(colleague.id)).toEqual([]);
  });
});
