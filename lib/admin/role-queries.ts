import "server-only";
import { isPermission, type Permission } from "../access/permissions";
import { db } from "../db/client";

export type RoleSummary = { id: string; name: string; permissions: Permission[]; userCount: number };

const roleSelect = { id: true, name: true, permissions: { select: { permission: true } }, _count: { select: { users: true } } } as const;

type RoleRow = { id: string; name: string; permissions: { permission: string }[]; _count: { users: number } };

function toSummary(row: RoleRow): RoleSummary {
  const permissions = row.permissions.map(({ permission }) => permission).filter(isPermission).sort();
  return { id: row.id, name: row.name, permissions, userCount: row._count.users };
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Every role, by name as people read it: SQLite would put every capital before every lower-case letter. */
export async function listRoles(): Promise<RoleSummary[]> {
  const rows = await db.role.findMany({ select: roleSelect });
  return rows.map(toSummary).sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export async function getRole(roleId: string): Promise<RoleSummary | null> {
  const row = await db.role.findUnique({ where: { id: roleId }, select: roleSelect });
  return row ? toSummary(row) : null;
}
