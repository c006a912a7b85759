// The kinds of email notice a token's owner gets. Each can be turned off in the owner's settings, except
// the leak notice: a token revoked because it was found exposed is always told.
export const NOTICE_KINDS = ["token_expiry", "token_created", "token_regenerated", "token_new_address", "token_reported"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const OPTIONAL_NOTICE_KINDS = ["token_expiry", "token_created", "token_regenerated", "token_new_address"] as const satisfies readonly NoticeKind[];
export type OptionalNoticeKind = (typeof OPTIONAL_NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  token_expiry: "Reminders before a token expires (7 days, 1 day, and at expiry)",
  token_created: "A token was generated",
  token_regenerated: "A token was regenerated",
  token_new_address: "A token was used from a new address (at most one a day per token)",
  token_reported: "A token was revoked because it was reported as exposed",
};

export function isOptionalNoticeKind(value: string): value is OptionalNoticeKind {
  return (OPTIONAL_NOTICE_KINDS as readonly string[]).includes(value);
}
