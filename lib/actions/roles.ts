"use server";

// Every export here is a public HTTP endpoint, built with serverAction: the caller comes from the session
// and must hold users:manage, never taken from the form.
import { changeOutcome, changeThenGo } from "../admin/action-support";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createRole, deleteRole, updateRole } from "../admin/role-mutations";
import { createRoleSchema, roleIdSchema, updateRoleSchema } from "../admin/validation";
import { db } from "../db/client";
import { formInput } from "./form-input";
import { serverAction } from "./server-action";

const ROLE_FIELDS = { text: ["name"], lists: ["permissions"] };

export const createRoleAction = serverAction({ name: "admin_role_create", guard: "manager", echo: ROLE_FIELDS, failed: ADMIN_MESSAGES.failed })
  .input(formInput(createRoleSchema, ROLE_FIELDS, ADMIN_MESSAGES.checkFields))
  .run(async (role) => changeOutcome(await createRole(db, role), () => `Role “${role.name}” created.`));

export const updateRoleAction = serverAction({ name: "admin_role_update", guard: "manager", echo: ROLE_FIELDS, failed: ADMIN_MESSAGES.failed })
  .input(formInput(updateRoleSchema, { text: ["roleId", ...ROLE_FIELDS.text], lists: ROLE_FIELDS.lists }, ADMIN_MESSAGES.checkFields))
  .run(async ({ roleId, ...role }, { user }) =>
    changeOutcome(await updateRole(db, user.id, roleId, role), () => "Role saved. Its users have the new permissions from their next page load or API request."),
  );

export const deleteRoleAction = serverAction({ name: "admin_role_delete", guard: "manager", failed: ADMIN_MESSAGES.failed })
  .input(formInput(roleIdSchema, { text: ["roleId"] }, ADMIN_MESSAGES.roleMissing))
  .run(async ({ roleId }) => changeThenGo(await deleteRole(db, roleId), () => "/admin/roles?deleted=1"));
