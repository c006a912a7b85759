// Changes to roles. Like user-mutations.ts, each function takes the database to write to; the actor's id
// comes from the session.
import type { Permission } from "../access/permissions";
import type { Db } from "../db/connect";
import { changeKeepingManagers } from "./managers";
import { ADMIN_MESSAGES } from "./messages";
import { AdminRefusal, type MutationResult } from "./refusal";
import { isForeignKeyViolation, isUniqueViolation, runChange } from "./transaction";
import { roleNameTaken } from "./unique-names";

type RoleInput = { name: string; permissions: Permission[] };

function duplicateName(name: string) {
  return (error: unknown) => (isUniqueViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.duplicateRole(name), "name") : undefined);
}

export async function createRole(db: Db, { name, permissions }: RoleInput): Promise<MutationResult<{ id: string }>> {
  return runChange(
    db,
    async (tx) => {
      if (await roleNameTaken(tx, name)) throw new AdminRefusal(ADMIN_MESSAGES.duplicateRole(name), "name");
      return tx.role.create({ data: { name, permissions: { create: permissions.map((permission) => ({ permission })) } }, select: { id: true } });
    },
    duplicateName(name),
  );
}

/**
 * Renames the role and replaces its permissions. Everyone holding the role gains or loses permissions with
 * it, so it runs under the users:manage guard like a change to a user's own roles.
 */
export async function updateRole(db: Db, actorId: string, roleId: string, { name, permissions }: RoleInput): Promise<MutationResult> {
  return runChange(
    db,
    (tx) =>
      changeKeepingManagers(tx, actorId, async () => {
        if (!(await tx.role.findUnique({ where: { id: roleId }, select: { id: true } }))) throw new AdminRefusal(ADMIN_MESSAGES.roleMissing);
        if (await roleNameTaken(tx, name, roleId)) throw new AdminRefusal(ADMIN_MESSAGES.duplicateRole(name), "name");
        await tx.role.update({ where: { id: roleId }, data: { name } });
        await tx.rolePermission.deleteMany({ where: { roleId } });
        if (permissions.length) await tx.rolePermission.createMany({ data: permissions.map((permission) => ({ roleId, permission })) });
      }),
    duplicateName(name),
  );
}

/** Deletes a role nobody has; a role in use is refused with how many users have it. */
export async function deleteRole(db: Db, roleId: string): Promise<MutationResult<{ name: string }>> {
  return runChange(
    db,
    async (tx) => {
      const role = await tx.role.findUnique({ where: { id: roleId }, select: { name: true, _count: { select: { users: true } } } });
      if (!role) throw new AdminRefusal(ADMIN_MESSAGES.roleMissing);
      if (role._count.users > 0) throw new AdminRefusal(ADMIN_MESSAGES.roleInUse(role.name, role._count.users));
      // Its permissions go with it (cascade); a user given the role meanwhile makes the delete fail instead.
      await tx.role.delete({ where: { id: roleId } });
      return { name: role.name };
    },
    (error) => (isForeignKeyViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.conflict) : undefined),
  );
}
