import Link from "next/link";
import { formatDay, formatLastUsed, formatMoment } from "@/lib/tokens/shared/display";
import type { TokenInsight } from "@/lib/tokens/server/insight";
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

/** A token's details view, shared by both areas: what it is, where it is used from, how much, and its history. */
export function TokenDetails({ token, listPath, now }: { token: TokenInsight; listPath: string; now: Date }) {
  return (
    <>
      <p className="breadcrumb">
        <Link href={listPath}>‹ All API tokens</Link>
      </p>
      <h1 className="token-name">{token.name}</h1>
      <section className="card" aria-label="Token">
        <dl aria-label="Token summary">
          <dt>Token</dt>
          <dd>
            <code>{token.masked}</code>
          </dd>
          <dt>Status</dt>
          <dd>{status(token, now)}</dd>
          <dt>Created</dt>
          <dd>
            <Moment at={token.createdAt} now={now} />
          </dd>
          <dt>Last used</dt>
          <dd>
            <Moment at={token.lastUsedAt} now={now} relative />
          </dd>
          <dt>Expires</dt>
          <dd>
            <Moment at={token.expiresAt} now={now} />
          </dd>
        </dl>
      </section>
      <TokenNoteForm tokenId={token.id} note={token.note} />
      <TokenDetailsAddresses token={token} now={now} />
      <UsageChart days={token.usage} />
      <TokenTimeline events={token.events} />
    </>
  );
}
