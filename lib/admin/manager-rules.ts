// The rule that keeps the platform manageable: a change to users, roles or their permissions must not
// leave nobody who can manage users, and nobody can take users:manage away from themselves (they could
// not undo it). Decided on the sets of active users holding users:manage before and after the change,
// both read inside the change's own transaction.
export type ManagerRefusal = "last-manager" | "own-permission";

export type ManagerChange = {
  actorId: string;
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
};

export function managerChangeRefusal({ actorId, before, after }: ManagerChange): ManagerRefusal | null {
  // Checked first: it holds whoever makes the change, even someone whose own access changed meanwhile.
  if (before.size > 0 && after.size === 0) return "last-manager";
  if (before.has(actorId) && !after.has(actorId)) return "own-permission";
  return null;
}
