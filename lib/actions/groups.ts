"use server";

// Every export here is a public HTTP endpoint, built with serverAction: the caller comes from the session
// and must hold users:manage, never taken from the form.
import { changeOutcome, changeThenGo } from "../admin/action-support";
import { createGroup, deleteGroup, renameGroup } from "../admin/group-mutations";
import { ADMIN_MESSAGES } from "../admin/messages";
import { createGroupSchema, groupIdSchema, renameGroupSchema } from "../admin/validation";
import { db } from "../db/client";
import { formInput } from "./form-input";
import { serverAction } from "./server-action";

export const createGroupAction = serverAction({ name: "admin_group_create", guard: "manager", echo: { text: ["name"] }, failed: ADMIN_MESSAGES.failed })
  .input(formInput(createGroupSchema, { text: ["name"] }, ADMIN_MESSAGES.checkFields))
  .run(async ({ name }) => changeOutcome(await createGroup(db, name), () => `Visibility group “${name}” created.`));

export const renameGroupAction = serverAction({ name: "admin_group_rename", guard: "manager", echo: { text: ["name"] }, failed: ADMIN_MESSAGES.failed })
  .input(formInput(renameGroupSchema, { text: ["groupId", "name"] }, ADMIN_MESSAGES.checkFields))
  .run(async ({ groupId, name }) => changeOutcome(await renameGroup(db, groupId, name), () => "Visibility group renamed."));

export const deleteGroupAction = serverAction({ name: "admin_group_delete", guard: "manager", failed: ADMIN_MESSAGES.failed })
  .input(formInput(groupIdSchema, { text: ["groupId"] }, ADMIN_MESSAGES.groupMissing))
  .run(async ({ groupId }) => changeThenGo(await deleteGroup(db, groupId), () => "/admin/groups?deleted=1"));
