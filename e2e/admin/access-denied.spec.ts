import { ACTION_MESSAGES } from "../../lib/actions/state";
import { administratorSpec, createRole, section, expectUserCreated, submitNewUser, unique, userPage } from "../support/admin";
import { testDb } from "../support/db";
import { DEMO, expect, signInViaApi, test } from "../support/fixtures";
import { captureServerAction, replayServerAction } from "../support/server-actions";

// Paired with the allow tests in users/roles/groups.spec.ts: the same pages and actions, refused to anyone
// without users:manage, whatever they send.
test.describe("who can administer users, roles and groups", () => {
  test("a staff user without users:manage sees no administration page and none of its data", async ({ page, makeUser }) => {
    const analyst = await makeUser({ permissions: ["orders:read", "products:read", "orders:write", "products:write"], groups: ["EMEA"] });
    const someone = await makeUser();
    const [role] = await testDb().userRole.findMany({ where: { userId: someone.id }, select: { roleId: true, role: { select: { name: true } } } });
    const group = await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "APAC" } });
    await signInViaApi(page.request, analyst);

    await page.goto("/admin");
    for (const label of ["Users", "Roles", "Visibility groups"]) await expect(page.getByRole("link", { name: label, exact: true })).toHaveCount(0);

    const paths = ["/admin/users", "/admin/users/new", `/admin/users/${someone.id}`, "/admin/roles", `/admin/roles/${role.roleId}`, "/admin/groups", `/admin/groups/${group.id}`];
    for (const path of paths) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
      await expect(page.getByText("users:manage")).toBeVisible();
      const text = await page.locator("main").innerText();
      for (const secret of [someone.email, someone.name, DEMO.admin.email, role.role.name, "APAC"]) expect(text).not.toContain(secret);
      await expect(page.getByRole("table")).toHaveCount(0);
      await expect(page.locator("main form")).toHaveCount(0);
    }
  });

  test("a partner cannot reach the administration pages, even holding users:manage", async ({ page, makeUser }) => {
    await signInViaApi(page.request, DEMO.partner);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/partner$/);

    const partnerManager = await makeUser({ area: "partner", permissions: ["users:manage"], groups: ["Acme"] });
    await page.context().clearCookies();
    await signInViaApi(page.request, partnerManager);
    for (const path of ["/admin/users", "/admin/roles", "/admin/groups"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/partner$/);
    }
  });

  test("the actions refuse a caller without users:manage, a partner and a signed-out caller, and change nothing", async ({ page, makeUser, playwright, baseURL }) => {
    const admin = await makeUser(administratorSpec());
    const target = await makeUser();
    await signInViaApi(page.request, admin);

    // Requests an administrator's pages make: deactivating a user, creating a user, creating a role.
    await userPage(page, target);
    const deactivate = await captureServerAction(page, () => section(page, "Account status").getByRole("button", { name: "Deactivate user" }).click());
    await expect(section(page, "Account status").getByRole("status")).toContainText("User deactivated.");
    await testDb().user.update({ where: { id: target.id }, data: { active: true } });

    const newEmail = `${unique("replayed").replace(" ", "-")}@test.example`;
    const create = await captureServerAction(page, () => submitNewUser(page, { name: "Replayed user", email: newEmail, password: "a-long-passphrase", groups: ["EMEA"] }));
    await expectUserCreated(page);
    await testDb().user.delete({ where: { email: newEmail } });

    const roleName = unique("Replayed role");
    await page.goto("/admin/roles");
    const form = section(page, "New role");
    await form.getByLabel("Name", { exact: true }).fill(roleName);
    await form.getByRole("checkbox", { name: "users:manage", exact: true }).check();
    const createRoleRequest = await captureServerAction(page, () => form.getByRole("button", { name: "Create role" }).click());
    await expect(form.getByRole("status")).toContainText("created");
    await testDb().role.delete({ where: { name: roleName } });

    const nonAdmin = await makeUser({ permissions: ["orders:read", "orders:write", "products:read", "products:write"] });
    const partnerManager = await makeUser({ area: "partner", permissions: ["users:manage"], groups: ["Acme"] });
    const callers = [
      { label: "staff without users:manage", user: nonAdmin, message: ACTION_MESSAGES.notAllowed },
      { label: "partner with users:manage", user: partnerManager, message: ACTION_MESSAGES.notAllowed },
      { label: "signed out", user: null, message: ACTION_MESSAGES.signedOut },
    ];
    for (const caller of callers) {
      const request = await playwright.request.newContext({ baseURL });
      if (caller.user) await signInViaApi(request, caller.user);
      for (const action of [deactivate, create, createRoleRequest]) {
        const response = await replayServerAction(request, action, action.body);
        expect(response.status(), caller.label).toBe(200);
        expect(await response.text(), caller.label).toContain(caller.message);
      }
      await request.dispose();
    }

    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
    expect(await testDb().user.count({ where: { email: newEmail } })).toBe(0);
    expect(await testDb().role.count({ where: { name: roleName } })).toBe(0);
  });

  test("a role edit or group delete replayed without users:manage changes nothing", async ({ page, makeUser, playwright, baseURL }) => {
    const admin = await makeUser(administratorSpec());
    const role = await createRole(unique("Replay target"), ["orders:read"]);
    const group = await testDb().visibilityGroup.create({ data: { name: unique("Replay group") } });
    await signInViaApi(page.request, admin);

    await page.goto(`/admin/roles/${role.id}`);
    const edit = section(page, "Name and permissions");
    await edit.getByRole("checkbox", { name: "users:manage", exact: true }).check();
    const grant = await captureServerAction(page, () => edit.getByRole("button", { name: "Save role" }).click());
    await expect(edit.getByRole("status")).toContainText("Role saved.");
    await testDb().rolePermission.delete({ where: { roleId_permission: { roleId: role.id, permission: "users:manage" } } });

    await page.goto(`/admin/groups/${group.id}`);
    await section(page, "Delete visibility group").getByRole("button", { name: "Delete group" }).click();
    const confirmDelete = page.getByRole("dialog", { name: /^Delete visibility group / }).getByRole("button", { name: "Delete", exact: true });
    const remove = await captureServerAction(page, () => confirmDelete.click());
    await expect(page).toHaveURL(/\/admin\/groups\?deleted=1$/);
    await testDb().visibilityGroup.create({ data: { id: group.id, name: group.name } });

    // Someone holding that very role tries to give it users:manage.
    const holder = await makeUser({ permissions: ["orders:read"] });
    await testDb().userRole.create({ data: { userId: holder.id, roleId: role.id } });
    const request = await playwright.request.newContext({ baseURL });
    await signInViaApi(request, holder);
    for (const action of [grant, remove]) {
      const response = await replayServerAction(request, action, action.body);
      expect(await response.text()).toContain(ACTION_MESSAGES.notAllowed);
    }
    await request.dispose();
    expect((await testDb().rolePermission.findMany({ where: { roleId: role.id } })).map((row) => row.permission)).toEqual(["orders:read"]);
    expect(await testDb().visibilityGroup.count({ where: { id: group.id } })).toBe(1);
  });
});
