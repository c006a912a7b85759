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

export async function listRoles(): Promise<RoleSummary[]> {
  return (await db.role.findMany({ orderBy: { name: "asc" }, select: roleSelect })).map(toSummary);
}

export async function getRole(roleId: string): Promise<RoleSummary | null> {
  const row = await db.role.findUnique({ where: { id: roleId }, select: roleSelect });
  return row ? toSummary(row) : null;
}
