import type { Choice } from "@/components/admin/ChoiceList";
import type { GroupSummary } from "@/lib/admin/group-queries";
import type { RoleSummary } from "@/lib/admin/role-queries";

// Roles are offered with what they grant, so that choosing one says what the user will be able to do.
export function roleChoices(roles: RoleSummary[]): Choice[] {
  return roles.map((role) => ({ value: role.id, label: role.name, description: role.permissions.length ? role.permissions.join(", ") : "no permissions" }));
}

export function groupChoices(groups: GroupSummary[]): Choice[] {
  return groups.map((group) => ({ value: group.id, label: group.name }));
}
