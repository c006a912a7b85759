import "server-only";

// What a user may do and see, read live from the database at every page load and every API request, so a
// change of roles, groups or active flag applies at once.
export type UserAccess = {
  id: string;
  email: string;
  name: string;
  area: "staff" | "partner";
  active: boolean;
  permissions: string[];
  groups: { id: string; name: string }[];
};

export const userAccessSelect = {
  id: true,
  email: true,
  name: true,
  area: true,
  active: true,
  roles: { select: { role: { select: { permissions: { select: { permission: true } } } } } },
  groups: { select: { group: { select: { id: true, name: true } } } },
} as const;

type UserAccessRow = {
  id: string;
  email: string;
  name: string;
  area: string;
  active: boolean;
  roles: { role: { permissions: { permission: string }[] } }[];
  groups: { group: { id: string; name: string } }[];
};

export function toUserAccess(row: UserAccessRow): UserAccess {
  const permissions = new Set(row.roles.flatMap(({ role }) => role.permissions.map(({ permission }) => permission)));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    area: row.area === "partner" ? "partner" : "staff",
    active: row.active,
    permissions: [...permissions].sort(),
    groups: row.groups.map(({ group }) => group).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
