"use server";

// Every export here is a public HTTP endpoint. Each one first takes the caller from the session and checks
// users:manage on the live user (authorizeManager), never trusting its arguments for who is acting.
import { redirect } from "next/navigation";
import { attempt, refreshAdminPages, refusalState } from "../admin/action-support";
import { echoValues, refused, succeeded, type FormState } from "../admin/form-state";
import { authorizeManager } from "../admin/guard";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createUser, resetPassword, setUserAccess, setUserActive } from "../admin/user-mutations";
import { createUserSchema, parseForm, passwordResetSchema, userAccessSchema, userStatusSchema } from "../admin/validation";
import { db } from "../db/client";

export async function createUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, ["name", "email", "area"], ["roleIds", "groupIds"]);
  const parsed = parseForm(createUserSchema, formData, { text: ["name", "email", "password", "area"], lists: ["roleIds", "groupIds"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const result = await attempt("admin_user_create_failed", check.manager.id, () => createUser(db, parsed.data));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  redirect(`/admin/users/${result.value.id}?created=1`);
}

export async function updateUserAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const values = echoValues(formData, [], ["roleIds", "groupIds"]);
  const parsed = parseForm(userAccessSchema, formData, { text: ["userId"], lists: ["roleIds", "groupIds"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors, values);

  const result = await attempt("admin_user_access_failed", check.manager.id, () => setUserAccess(db, check.manager.id, parsed.data));
  if (!result.ok) return refusalState(result, values);
  refreshAdminPages();
  return succeeded("Roles and visibility groups saved. They apply from the user's next page load or API request.");
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const parsed = parseForm(passwordResetSchema, formData, { text: ["userId", "password"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.checkFields, parsed.errors);

  const { userId, password } = parsed.data;
  const result = await attempt("admin_password_reset_failed", check.manager.id, () => resetPassword(db, userId, password));
  if (!result.ok) return refusalState(result);
  return succeeded("Password reset. The old password no longer works and the user's sessions have ended; give the new one to the user through a safe channel.");
}

async function changeActive(formData: FormData, active: boolean): Promise<FormState> {
  const check = await authorizeManager();
  if (!check.ok) return check.state;
  const parsed = parseForm(userStatusSchema, formData, { text: ["userId"] });
  if (!parsed.success) return refused(ADMIN_MESSAGES.userMissing);

  const { userId } = parsed.data;
  const event = active ? "admin_user_reactivate_failed" : "admin_user_deactivate_failed";
  const result = await attempt(event, check.manager.id, () => setUserActive(db, check.manager.id, userId, active));
  if (!result.ok) return refusalState(result);
  refreshAdminPages();
  return succeeded(active ? "User reactivated. Their API tokens work again." : "User deactivated. Their panel access and API tokens stop at once.");
}

export async function deactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changeActive(formData, false);
}

export async function reactivateUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changeActive(formData, true);
}
