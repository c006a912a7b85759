// The visibility rule: a record is visible only when it belongs to one of the user's groups. Every query
// for orders or products goes through visibleTo(), in the panels and in the API alike.
export type VisibilityScope = { groupIds: readonly string[] };

/** A Prisma `where` fragment limiting records to the scope's groups (none visible for no groups). */
export function visibleTo(scope: VisibilityScope): { groupId: { in: string[] } } {
  return { groupId: { in: [...scope.groupIds] } };
}

export function canSeeGroup(scope: VisibilityScope, groupId: string): boolean {
  return scope.groupIds.includes(groupId);
}

export function scopeOf(user: { groups: readonly { id: string }[] }): VisibilityScope {
  return { groupIds: user.groups.map((group) => group.id) };
}
