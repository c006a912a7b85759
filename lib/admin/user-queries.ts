import "server-only";
import { db } from "../db/client";
import { databaseUrl, providerOf } from "../db/url";

export const USERS_PAGE_SIZE = 25;

type Named = { id: string; name: string };

export type UserListItem = Named & {
  email: string;
  area: "staff" | "partner";
  active: boolean;
  roles: Named[];
  groups: Named[];
};

export type UserPage = { users: UserListItem[]; nextCursor: string | null };

const userSelect = {
  id: true,
  name: true,
  email: true,
  area: true,
  active: true,
  roles: { select: { role: { select: { id: true, name: true } } } },
  groups: { select: { group: { select: { id: true, name: true } } } },
} as const;

type UserRow = Omit<UserListItem, "area" | "roles" | "groups"> & { area: string; roles: { role: Named }[]; groups: { group: Named }[] };

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name);

function toListItem(row: UserRow): UserListItem {
  return {
    ...row,
    area: row.area === "partner" ? "partner" : "staff",
    roles: row.roles.map(({ role }) => role).sort(byName),
    groups: row.groups.map(({ group }) => group).sort(byName),
  };
}

// SQLite's LIKE ignores the case of ASCII letters by itself; PostgreSQL has to be asked. The client's types
// are SQLite's, which have no `mode`.
function containsIgnoringCase(value: string): { contains: string } {
  return providerOf(databaseUrl()) === "postgresql" ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}

/** Users whose name or email contains the query, by email; the cursor is the last email of the previous page. */
export async function listUsers({ query, cursor }: { query?: string; cursor?: string }): Promise<UserPage> {
  const rows = await db.user.findMany({
    where: {
      // Emails are stored in lower case.
      ...(query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: containsIgnoringCase(query) }] } : {}),
      ...(cursor ? { email: { gt: cursor } } : {}),
    },
    orderBy: { email: "asc" },
    take: USERS_PAGE_SIZE + 1,
    select: userSelect,
  });
  const users = rows.slice(0, USERS_PAGE_SIZE).map(toListItem);
  return { users, nextCursor: rows.length > USERS_PAGE_SIZE ? users[users.length - 1].email : null };
}

export async function getUser(userId: string): Promise<UserListItem | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: userSelect });
  return row ? toListItem(row) : null;
}
