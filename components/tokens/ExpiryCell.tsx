import { formatMoment } from "@/lib/tokens/shared/display";
import { expiryState, formatExpiry } from "@/lib/tokens/shared/expiry";
import type { TokenListItem } from "@/lib/tokens/server/store";

const REVOKED_BY: Record<string, string> = {
  owner: "Revoked",
  reported: "Revoked: reported as exposed",
};

/** "Expires in 3 days" (flagged within a week), "Expired", "Never expires", or why it was revoked. */
export function ExpiryCell({ token, now }: { token: Pick<TokenListItem, "expiresAt" | "revokedAt" | "revokedReason">; now: Date }) {
  if (token.revokedAt) {
    return (
      <span className="badge badge-danger" title={formatMoment(token.revokedAt)}>
        {REVOKED_BY[token.revokedReason ?? "owner"] ?? "Revoked"}
      </span>
    );
  }
  const state = expiryState(token.expiresAt, now);
  const text = formatExpiry(token.expiresAt, now);
  if (!token.expiresAt) return <span className="muted">{text}</span>;
  return (
    <time dateTime={token.expiresAt.toISOString()} title={formatMoment(token.expiresAt)} className={state === "expired" ? "badge badge-danger" : state === "expiring" ? "badge badge-warn" : undefined}>
      {text}
    </time>
  );
}
