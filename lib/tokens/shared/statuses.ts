// The token list's status filter (`?status=`). Without one the list shows every token not revoked.
export const TOKEN_STATUSES = ["active", "expiring", "expired", "unused", "revoked"] as const;
export type TokenStatusFilter = (typeof TOKEN_STATUSES)[number];

export const TOKEN_STATUS_LABELS: Record<TokenStatusFilter, string> = {
  active: "Active",
  expiring: "Expiring soon",
  expired: "Expired",
  unused: "Unused",
  revoked: "Revoked",
};
