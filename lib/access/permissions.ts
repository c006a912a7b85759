// The permission catalogue and the one rule for checking it. Shared by the panels, the API and the
// administration pages, so that "can this user do X" has one answer everywhere.
export const PERMISSIONS = ["orders:read", "orders:write", "products:read", "products:write", "users:manage"] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "orders:read": "See orders in your visibility groups",
  "orders:write": "Create orders and change their status",
  "products:read": "See products in your visibility groups",
  "products:write": "Create and change products",
  "users:manage": "Manage users, roles and visibility groups",
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function hasPermission(granted: readonly string[], needed: Permission): boolean {
  return granted.includes(needed);
}
