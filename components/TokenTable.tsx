import Link from "next/link";
import { formatDay, formatLastUsed, formatMoment } from "@/lib/tokens/shared/display";
import { isUnused } from "@/lib/tokens/shared/expiry";
import { hasNewAddress } from "@/lib/tokens/shared/new-address";
import type { TokenPageData } from "@/lib/tokens/server/page-data";
import type { TokenListParams } from "@/lib/tokens/shared/search-params";
import { TOKEN_STATUS_LABELS } from "@/lib/tokens/shared/statuses";
import { Badge } from "@/components/ui/badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appOrigin } from "@/lib/http/app-origin";
import { Pager } from "./Pager";
import { ApiOriginProvider } from "./tokens/ApiOrigin";
import { ExpiryCell } from "./tokens/ExpiryCell";
import { PreviousSecretNote } from "./tokens/PreviousSecretNote";
import { EffectiveAccess } from "./tokens/EffectiveAccess";
import { GenerateTokenDialog } from "./tokens/GenerateTokenDialog";
import { NoticePreferencesForm } from "./tokens/NoticePreferencesForm";
import { RegenerateTokenButton } from "./tokens/RegenerateTokenButton";
import { ReportedTokensNotice } from "./tokens/ReportedTokensNotice";
import { RevokeTokenButton } from "./tokens/RevokeTokenButton";
import { TokenFilter } from "./tokens/TokenFilter";

// On a phone the list keeps what identifies a token and what can be done with it: name, status, actions.
const WIDE_ONLY = "max-sm:hidden";

type Props = {
  data: TokenPageData;
  params: TokenListParams;
  /** The page this table is on, for the filter and the pager links. */
  basePath: string;
};

/** The token page body shared by the admin panel and the partner hub: only the layout around it differs. */
export async function TokenTable({ data, params, basePath }: Props) {
  const { tokens, nextCursor, now, maxLifetimeDays, reported } = data;
  const { query, status } = params;
  const isFirstPage = !params.cursor;
  return (
    <ApiOriginProvider origin={await appOrigin()}>
      <ReportedTokensNotice tokens={reported} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <TokenFilter basePath={basePath} query={query} status={status} />
        <GenerateTokenDialog maxLifetimeDays={maxLifetimeDays} access={<EffectiveAccess />} />
      </div>
      {tokens.length === 0 ? (
        <EmptyTokens query={query} statusLabel={status ? TOKEN_STATUS_LABELS[status] : undefined} isFirstPage={isFirstPage} />
      ) : (
        <Table label="API tokens" className="table-fixed">
          <TableHead>
            <TableRow>
              <TableHeader className="w-[38%] sm:w-[20%]">Name</TableHeader>
              <TableHeader className={WIDE_ONLY + " w-[22%]"}>Token</TableHeader>
              <TableHeader className={WIDE_ONLY + " w-[12%]"}>Created</TableHeader>
              <TableHeader className={WIDE_ONLY + " w-[13%]"}>Last used</TableHeader>
              <TableHeader className="w-[34%] sm:w-[16%]">Expires</TableHeader>
              <TableHeader className="w-[28%] sm:w-[17%]">
                <span className="sr-only">Actions</span>
              </TableHeader>
            </TableRow>
          </TableHead>
          <tbody>
            {tokens.map((token) => (
              <TableRow key={token.id}>
                <TableCell className="token-name">
                  <Link href={`${basePath}/${token.id}`} className="font-medium">
                    {token.name}
                  </Link>
                  {hasNewAddress(token, now) && (
                    <>
                      {" "}
                      <Badge tone="warn" title="First used from a new address in the last 7 days: check its details.">
                        New address
                      </Badge>
                    </>
                  )}
                  {token.note && <p className="token-note muted">{token.note}</p>}
                </TableCell>
                <TableCell className={WIDE_ONLY}>
                  <code className="whitespace-nowrap">{token.masked}</code>
                </TableCell>
                <TableCell className={WIDE_ONLY + " whitespace-nowrap"}>
                  <time dateTime={token.createdAt.toISOString()} title={formatMoment(token.createdAt)}>
                    {formatDay(token.createdAt)}
                  </time>
                </TableCell>
                <TableCell className={WIDE_ONLY}>
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt.toISOString()} title={formatMoment(token.lastUsedAt)} className="whitespace-nowrap">
                      {formatLastUsed(token.lastUsedAt, now)}
                    </time>
                  ) : (
                    formatLastUsed(null, now)
                  )}
                  {!token.revokedAt && isUnused(token, now) && (
                    <>
                      {" "}
                      <Badge title="Not used for 90 days or more: revoke it if nothing needs it.">Unused</Badge>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <ExpiryCell token={token} now={now} />
                  {!token.revokedAt && <PreviousSecretNote until={token.previousSecretExpiresAt} now={now} />}
                </TableCell>
                <TableCell className="text-right">
                  {!token.revokedAt && (
                    <div className="flex flex-col items-end gap-1 lg:flex-row lg:justify-end">
                      <RegenerateTokenButton token={{ id: token.id, name: token.name, masked: token.masked }} />
                      <RevokeTokenButton token={{ id: token.id, name: token.name, masked: token.masked }} />
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
      <Pager basePath={basePath} params={{ q: query, status }} nextCursor={nextCursor} isFirstPage={isFirstPage} />
      <NoticePreferencesForm preferences={data.noticePreferences} />
    </ApiOriginProvider>
  );
}

function EmptyTokens({ query, statusLabel, isFirstPage }: { query?: string; statusLabel?: string; isFirstPage: boolean }) {
  if (query || statusLabel) {
    return (
      <div className="card empty" role="status">
        {query ? `No ${statusLabel ? `${statusLabel.toLowerCase()} ` : ""}tokens match “${query}”.` : `No tokens are ${statusLabel!.toLowerCase()}.`}
      </div>
    );
  }
  if (!isFirstPage) return <div className="card empty">No more tokens.</div>;
  return (
    <div className="card empty" role="status">
      <p>You have no API tokens yet.</p>
      <p>Generate one to let an integration call the platform API on your behalf.</p>
    </div>
  );
}
