"use server";

// Every export here is a public HTTP endpoint. Each one first takes the caller from the session and checks
// users:manage on the live user (authorizeManager), never trusting its arguments for who is acting.
import { redirect } from "next/navigation";
import { attempt, refreshAdminPages, refusalState } from "../admin/action-support";
import { echoValues, refused, succeeded, type FormState } from "../admin/form-state";
import { createGroup, deleteGroup, renameGroup } from "../admin/group-mutations";
import { authorizeManager } from "../admin/guard";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createGroupSchema, groupIdSchema, parseForm, renameGroupSchema } from "../admin/validation";
import { db } from "../db/client";

export async function createGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, ["name"]);
  const parsed = parseForm(createGroupSchema, formData, { text: ["name"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const { name } = parsed.data;
  const result = await attempt("admin_group_create_failed", check.manager.id, () => createGroup(db, name));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  return succeeded(`Visibility group “${name}” created.`);
}

export async function renameGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, ["name"]);
  const parsed = parseForm(renameGroupSchema, formData, { text: ["groupId", "name"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const { groupId, name } = parsed.data;
  const result = await attempt("admin_group_rename_failed", check.manager.id, () => renameGroup(db, groupId, name));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  return succeeded("Visibility group renamed.");
}

export async function deleteGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const parsed = parseForm(groupIdSchema, formData, { text: ["groupId"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.groupMissing);

  const { groupId } = parsed.data;
  const result = await attempt("admin_group_delete_failed", check.manager.id, () => deleteGroup(db, groupId));
  if (!result.ok) return refusalState(result);
  refreshAdminPages();
  redirect("/admin/groups?deleted=1");
}
