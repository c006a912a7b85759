// Role and group names are unique regardless of letter case: "emea" beside "EMEA" would be a trap when
// choosing groups for a user. The database's unique index only knows exact matches, hence these checks.
// (SQLite's LOWER() folds ASCII letters only; PostgreSQL's folds all.)
import type { Tx } from "./transaction";

export async function roleNameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Role" WHERE LOWER("name") = LOWER(${name})`;
  return rows.some((row) => row.id !== exceptId);
}

export async function groupNameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "VisibilityGroup" WHERE LOWER("name") = LOWER(${name})`;
  return rows.some((row) => row.id !== exceptId);
}
