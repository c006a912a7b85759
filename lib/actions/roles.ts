"use server";

// Every export here is a public HTTP endpoint. Each one first takes the caller from the session and checks
// users:manage on the live user (authorizeManager), never trusting its arguments for who is acting.
import { redirect } from "next/navigation";
import { attempt, refreshAdminPages, refusalState } from "../admin/action-support";
import { echoValues, refused, succeeded, type FormState } from "../admin/form-state";
import { authorizeManager } from "../admin/guard";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createRole, deleteRole, updateRole } from "../admin/role-mutations";
import { createRoleSchema, parseForm, roleIdSchema, updateRoleSchema } from "../admin/validation";
import { db } from "../db/client";

const ROLE_FIELDS = { text: ["name"], lists: ["permissions"] };

export async function createRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, ROLE_FIELDS.text, ROLE_FIELDS.lists);
  const parsed = parseForm(createRoleSchema, formData, ROLE_FIELDS);
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const result = await attempt("admin_role_create_failed", check.manager.id, () => createRole(db, parsed.data));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  return succeeded(`Role “${parsed.data.name}” created.`);
}

export async function updateRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, ROLE_FIELDS.text, ROLE_FIELDS.lists);
  const parsed = parseForm(updateRoleSchema, formData, { text: ["roleId", ...ROLE_FIELDS.text], lists: ROLE_FIELDS.lists });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const { roleId, ...role } = parsed.data;
  const result = await attempt("admin_role_update_failed", check.manager.id, () => updateRole(db, check.manager.id, roleId, role));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  return succeeded("Role saved. Its users have the new permissions from their next page load or API request.");
}

export async function deleteRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const parsed = parseForm(roleIdSchema, formData, { text: ["roleId"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.roleMissing);

  const { roleId } = parsed.data;
  const result = await attempt("admin_role_delete_failed", check.manager.id, () => deleteRole(db, roleId));
  if (!result.ok) return refusalState(result);
  refreshAdminPages();
  redirect("/admin/roles?deleted=1");
}
