// Changes to visibility groups. They never change who holds users:manage, so they need no manager guard.
import type { Db } from "../db/connect";
import { ADMIN_MESSAGES, count } from "./messages";
import { AdminRefusal, type MutationResult } from "./refusal";
import { isForeignKeyViolation, isUniqueViolation, runChange } from "./transaction";
import { groupNameTaken } from "./unique-names";

function duplicateName(name: string) {
  return (error: unknown) => (isUniqueViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.duplicateGroup(name), "name") : undefined);
}

export async function createGroup(db: Db, name: string): Promise<MutationResult<{ id: string }>> {
  return runChange(
    db,
    async (tx) => {
      if (await groupNameTaken(tx, name)) throw new AdminRefusal(ADMIN_MESSAGES.duplicateGroup(name), "name");
      return tx.visibilityGroup.create({ data: { name }, select: { id: true } });
    },
    duplicateName(name),
  );
}

export async function renameGroup(db: Db, groupId: string, name: string): Promise<MutationResult> {
  return runChange(
    db,
    async (tx) => {
      if (await groupNameTaken(tx, name, groupId)) throw new AdminRefusal(ADMIN_MESSAGES.duplicateGroup(name), "name");
      const { count: renamed } = await tx.visibilityGroup.updateMany({ where: { id: groupId }, data: { name } });
      if (renamed !== 1) throw new AdminRefusal(ADMIN_MESSAGES.groupMissing);
    },
    duplicateName(name),
  );
}

/** Deletes a group that no user belongs to and that holds no orders or products. */
export async function deleteGroup(db: Db, groupId: string): Promise<MutationResult<{ name: string }>> {
  return runChange(
    db,
    async (tx) => {
      const group = await tx.visibilityGroup.findUnique({
        where: { id: groupId },
        select: { name: true, _count: { select: { users: true, orders: true, products: true } } },
      });
      if (!group) throw new AdminRefusal(ADMIN_MESSAGES.groupMissing);
      const { users, orders, products } = group._count;
      const holdings = [orders ? count(orders, "order", "orders") : "", products ? count(products, "product", "products") : ""].filter(Boolean);
      const uses = [users ? `${count(users, "user belongs", "users belong")} to it` : "", holdings.length ? `it holds ${holdings.join(" and ")}` : ""].filter(Boolean);
      if (uses.length) throw new AdminRefusal(ADMIN_MESSAGES.groupInUse(group.name, uses));
      await tx.visibilityGroup.delete({ where: { id: groupId } });
      return { name: group.name };
    },
    (error) => (isForeignKeyViolation(error) ? new AdminRefusal(ADMIN_MESSAGES.conflict) : undefined),
  );
}
