// Every refusal the administration pages can show, in one place so forms, actions and tests agree.
export const ADMIN_MESSAGES = {
  checkFields: "Nothing was saved. Check the highlighted fields.",
  failed: "The change could not be saved because of a problem on our side. Nothing was changed; please try again.",
  conflict: "Another change was being saved at the same moment. Nothing was changed; please try again.",

  userMissing: "This user no longer exists.",
  duplicateEmail: "A user with this email address already exists.",
  unknownRole: "One of the chosen roles no longer exists. Reload the page and choose again.",
  unknownGroup: "One of the chosen visibility groups no longer exists. Reload the page and choose again.",
  ownDeactivation: "You cannot deactivate your own account.",
  ownUsersManage: "You cannot take users:manage away from yourself. Ask another administrator to do it.",
  lastUsersManage:
    "This change would leave no active staff user with users:manage, and then nobody could manage users. Give users:manage to someone else first.",

  roleMissing: "This role no longer exists.",
  groupMissing: "This visibility group no longer exists.",
  duplicateRole: (name: string) => `A role named “${name}” already exists.`,
  duplicateGroup: (name: string) => `A visibility group named “${name}” already exists.`,
  roleInUse: (name: string, users: number) =>
    `The role “${name}” cannot be deleted: ${count(users, "user has", "users have")} it. Remove it from them first.`,
  groupInUse: (name: string, uses: string[]) =>
    `The visibility group “${name}” cannot be deleted: ${joinAnd(uses)}. Move or remove them first.`,
} as const;

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
