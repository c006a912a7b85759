import { formatMoment } from "@/lib/tokens/shared/display";

type ReportedToken = { id: string; name: string; masked: string; revokedAt: Date };

/** Tells the owner which of their tokens were revoked because someone reported them as exposed. */
export function ReportedTokensNotice({ tokens }: { tokens: ReportedToken[] }) {
  if (tokens.length === 0) return null;
  return (
    <section className="warning reported-notice" role="alert" aria-label="Tokens reported as exposed">
      <p>
        <strong>Revoked because reported as exposed.</strong> These tokens were found in a public place and reported to us, so we
        revoked them. Generate replacements and update the integrations that used them.
      </p>
      <ul>
        {tokens.map((token) => (
          <li key={token.id}>
            <span className="token-name">{token.name}</span> <code>{token.masked}</code>, revoked{" "}
            <time dateTime={token.revokedAt.toISOString()}>{formatMoment(token.revokedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
