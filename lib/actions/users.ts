"use server";

// Every export here is a public HTTP endpoint, built with serverAction: the caller comes from the session
// and must hold users:manage, never taken from the form.
import { changeOutcome, changeThenGo } from "../admin/action-support";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createUser, resetPassword, setUserAccess, setUserActive } from "../admin/user-mutations";
import { createUserSchema, passwordResetSchema, userAccessSchema, userStatusSchema } from "../admin/validation";
import { db } from "../db/client";
import { formInput } from "./form-input";
import { serverAction } from "./server-action";

// The password is never handed back.
const CREATE_USER_ECHO = { text: ["name", "email", "area"], lists: ["roleIds", "groupIds"] };

export const createUserAction = serverAction({ name: "admin_user_create", guard: "manager", echo: CREATE_USER_ECHO, failed: ADMIN_MESSAGES.failed })
  .input(formInput(createUserSchema, { text: ["name", "email", "password", "area"], lists: ["roleIds", "groupIds"] }, ADMIN_MESSAGES.checkFields))
  .run(async (input) => changeThenGo(await createUser(db, input), (user) => `/admin/users/${user.id}?created=1`));

export const updateUserAccessAction = serverAction({
  name: "admin_user_access",
  guard: "manager",
  echo: { lists: ["roleIds", "groupIds"] },
  failed: ADMIN_MESSAGES.failed,
})
  .input(formInput(userAccessSchema, { text: ["userId"], lists: ["roleIds", "groupIds"] }, ADMIN_MESSAGES.checkFields))
  .run(async (input, { user }) =>
    changeOutcome(await setUserAccess(db, user.id, input), () => "Roles and visibility groups saved. They apply from the user's next page load or API request."),
  );

export const resetPasswordAction = serverAction({ name: "admin_password_reset", guard: "manager", failed: ADMIN_MESSAGES.failed })
  .input(formInput(passwordResetSchema, { text: ["userId", "password"] }, ADMIN_MESSAGES.checkFields))
  .run(async ({ userId, password }) =>
    changeOutcome(
      await resetPassword(db, userId, password),
      () => "Password reset. The old password no longer works and the user's sessions have ended; give the new one to the user through a safe channel.",
    ),
  );

function userStatusAction(active: boolean) {
  return serverAction({ name: active ? "admin_user_reactivate" : "admin_user_deactivate", guard: "manager", failed: ADMIN_MESSAGES.failed })
    .input(formInput(userStatusSchema, { text: ["userId"] }, ADMIN_MESSAGES.userMissing))
    .run(async ({ userId }, { user }) =>
      changeOutcome(await setUserActive(db, user.id, userId, active), () =>
        active ? "User reactivated. Their API tokens work again." : "User deactivated. Their panel access and API tokens stop at once.",
      ),
    );
}

export const deactivateUserAction = userStatusAction(false);
export const reactivateUserAction = userStatusAction(true);
