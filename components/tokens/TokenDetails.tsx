import Link from "next/link";
import { formatDay, formatLastUsed, formatMoment } from "@/lib/tokens/shared/display";
import type { TokenInsight } from "@/lib/tokens/server/insight";
import { Card } from "@/components/ui/card";
import { PreviousSecretNote } from "./PreviousSecretNote";
import { RegenerateTokenButton } from "./RegenerateTokenButton";
import { RevokeTokenButton } from "./RevokeTokenButton";
import { TokenDetailsAddresses } from "./TokenDetailsAddresses";
import { TokenNoteForm } from "./TokenNoteForm";
import { TokenTimeline } from "./TokenTimeline";
import { UsageChart } from "./UsageChart";

function status(token: TokenInsight, now: Date): string {
  if (token.revokedAt) return "Revoked";
  if (token.expiresAt && token.expiresAt <= now) return "Expired";
  return "Active";
}

function Moment({ at, now, relative }: { at: Date | null; now: Date; relative?: boolean }) {
  if (!at) return <>{relative ? formatLastUsed(null, now) : "never"}</>;
  return (
    <time dateTime={at.toISOString()} title={formatMoment(at)}>
      {relative ? formatLastUsed(at, now) : formatDay(at)}
    </time>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm font-medium text-muted sm:w-32 sm:shrink-0">{term}</dt>
      <dd className="m-0 min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** A token's details view, shared by both areas: what it is, where it is used from, how much, and its history. */
export function TokenDetails({ token, listPath, now }: { token: TokenInsight; listPath: string; now: Date }) {
  const summary = { id: token.id, name: token.name, masked: token.masked };
  return (
    <>
      <p className="breadcrumb">
        <Link href={listPath}>‹ All API tokens</Link>
      </p>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h1 className="token-name min-w-0">{token.name}</h1>
        {!token.revokedAt && (
          <div className="flex gap-2">
            <RegenerateTokenButton token={summary} />
            <RevokeTokenButton token={summary} />
          </div>
        )}
      </div>
      <Card label="Token">
        <dl aria-label="Token summary" className="m-0 divide-y divide-border">
          <Row term="Token">
            <code className="break-all">{token.masked}</code>
          </Row>
          <Row term="Status">{status(token, now)}</Row>
          <Row term="Created">
            <Moment at={token.createdAt} now={now} />
          </Row>
          <Row term="Last used">
            <Moment at={token.lastUsedAt} now={now} relative />
          </Row>
          <Row term="Expires">
            <Moment at={token.expiresAt} now={now} />
          </Row>
          {!token.revokedAt && token.previousSecretExpiresAt && token.previousSecretExpiresAt > now && (
            <Row term="Old secret">
              <PreviousSecretNote until={token.previousSecretExpiresAt} now={now} />
            </Row>
          )}
        </dl>
      </Card>
      <TokenNoteForm tokenId={token.id} note={token.note} />
      <TokenDetailsAddresses token={token} now={now} />
      <UsageChart days={token.usage} />
      <TokenTimeline events={token.events} />
    </>
  );
}
