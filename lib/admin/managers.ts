// Who can manage users right now, and the guard that every change to users' roles, role permissions or
// active flags runs inside (see manager-rules.ts for the rule itself).
import { ADMIN_MESSAGES } from "./messages";
import { managerChangeRefusal } from "./manager-rules";
import { AdminRefusal } from "./refusal";
import type { Tx } from "./transaction";

// Only staff users reach the administration pages, so only they count as someone who can manage users.
export async function activeManagerIds(tx: Tx): Promise<Set<string>> {
  const rows = await tx.user.findMany({
    where: { active: true, area: "staff", roles: { some: { role: { permissions: { some: { permission: "users:manage" } } } } } },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** Applies the change, then refuses it (rolling back the transaction) when it breaks the rule. */
export async function changeKeepingManagers<T>(tx: Tx, actorId: string, change: () => Promise<T>): Promise<T> {
  const before = await activeManagerIds(tx);
  const value = await change();
  const after = await activeManagerIds(tx);
  const refusal = managerChangeRefusal({ actorId, before, after });
  if (refusal === "last-manager") throw new AdminRefusal(ADMIN_MESSAGES.lastUsersManage);
  if (refusal === "own-permission") throw new AdminRefusal(ADMIN_MESSAGES.ownUsersManage);
  return value;
}
