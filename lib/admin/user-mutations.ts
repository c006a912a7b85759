// Changes to users. Each function takes the database to write to, so that the integration tests can run
// the very same code against a scratch database; the server actions pass the app's client. Callers pass
// the acting user's id from the session, never from input.
import bcrypt from "bcryptjs";
import { endUserSessions } from "../auth/session-store";
import type { Db } from "../db/connect";
import { recordTokenEvents } from "../tokens/server/events";
import { changeKeepingManagers } from "./managers";
import { ADMIN_MESSAGES } from "./messages";
import { AdminRefusal, type MutationResult } from "./refusal";
import { isForeignKeyViolation, isUniqueViolation, runChange, type Tx } from "./transaction";
import type { CreateUserInput, UserAccessInput } from "./validation";

export const PASSWORD_HASH_COST = 10;

async function assertRolesExist(tx: Tx, roleIds: string[]): Promise<void> {
  if (roleIds.length && (await tx.role.count({ where: { id: { in: roleIds } } })) !== roleIds.length) {
    throw new AdminRefusal(ADMIN_MESSAGES.unknownRole, "roleIds");
  }
}

async function assertGroupsExist(tx: Tx, groupIds: string[]): Promise<void> {
  if (groupIds.length && (await tx.visibilityGroup.count({ where: { id: { in: groupIds } } })) !== groupIds.length) {
    throw new AdminRefusal(ADMIN_MESSAGES.unknownGroup, "groupIds");
  }
}

// A role or group deleted between the check and the insert.
function goneChoice(error: unknown): AdminRefusal | undefined {
  return isForeignKeyViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.conflict) : undefined;
}

export async function createUser(db: Db, input: CreateUserInput): Promise<MutationResult<{ id: string }>> {
  // Hashed before the transaction: bcrypt is slow on purpose and must not hold the write lock.
  const passwordHash = await bcrypt.hash(input.password, PASSWORD_HASH_COST);
  return runChange(
    db,
    async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new AdminRefusal(ADMIN_MESSAGES.duplicateEmail, "email");
      }
      await assertRolesExist(tx, input.roleIds);
      await assertGroupsExist(tx, input.groupIds);
      return tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          area: input.area,
          passwordHash,
          roles: { create: input.roleIds.map((roleId) => ({ roleId })) },
          groups: { create: input.groupIds.map((groupId) => ({ groupId })) },
        },
        select: { id: true },
      });
    },
    (error) => (isUniqueViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.duplicateEmail, "email") : goneChoice(error)),
  );
}

/** Replaces the user's roles and groups; refused when it would take users:manage from the actor or from everyone. */
export async function setUserAccess(db: Db, actorId: string, { userId, roleIds, groupIds }: UserAccessInput): Promise<MutationResult> {
  return runChange(
    db,
    (tx) =>
      changeKeepingManagers(tx, actorId, async () => {
        if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AdminRefusal(ADMIN_MESSAGES.userMissing);
        await assertRolesExist(tx, roleIds);
        await assertGroupsExist(tx, groupIds);
        await tx.userRole.deleteMany({ where: { userId } });
        await tx.userGroup.deleteMany({ where: { userId } });
        if (roleIds.length) await tx.userRole.createMany({ data: roleIds.map((roleId) => ({ userId, roleId })) });
        if (groupIds.length) await tx.userGroup.createMany({ data: groupIds.map((groupId) => ({ userId, groupId })) });
      }),
    goneChoice,
  );
}

/**
 * Sets a new password and ends every session the user holds (their records are ended, and lib/auth/session.ts
 * also refuses sessions signed in before passwordChangedAt): a reset often follows a suspected compromise, and a session opened with the
 * old password must not outlive it. Their API tokens are separate credentials and stay as they are.
 */
export async function resetPassword(db: Db, userId: string, password: string): Promise<MutationResult> {
  const passwordHash = await bcrypt.hash(password, PASSWORD_HASH_COST);
  const now = new Date();
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
  await endUserSessions(db, userId, now);
  return count === 1 ? { ok: true, value: undefined } : { ok: false, message: ADMIN_MESSAGES.userMissing };
}

/**
 * Deactivates or reactivates a user. Only the flag changes: their tokens are kept, refused while the owner
 * is inactive (lib/tokens/verify.ts) and working again once the owner is reactivated. Each unrevoked token's
 * timeline records the change in the same transaction, so the owner can see why their tokens stopped.
 */
export async function setUserActive(db: Db, actorId: string, userId: string, active: boolean): Promise<MutationResult> {
  if (!active && userId === actorId) return { ok: false, message: ADMIN_MESSAGES.ownDeactivation };
  return runChange(db, (tx) =>
    changeKeepingManagers(tx, actorId, async () => {
      const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
      if (!before) throw new AdminRefusal(ADMIN_MESSAGES.userMissing);
      if (before.active === active) return;
      await tx.user.update({ where: { id: userId }, data: { active } });
      const tokens = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
      const kind = active ? "owner_reactivated" : "owner_deactivated";
      await recordTokenEvents(tx, tokens.map((token) => ({ tokenId: token.id, kind })));
    }),
  );
}
