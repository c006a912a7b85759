import Link from "next/link";
import { formatDay, formatLastUsed, formatMoment } from "@/lib/tokens/shared/display";
import { isUnused } from "@/lib/tokens/shared/expiry";
import { hasNewAddress } from "@/lib/tokens/shared/new-address";
import type { TokenPageData } from "@/lib/tokens/server/page-data";
import type { TokenListParams } from "@/lib/tokens/shared/search-params";
import { TOKEN_STATUS_LABELS } from "@/lib/tokens/shared/statuses";
import { Pager } from "./Pager";
import { ExpiryCell } from "./tokens/ExpiryCell";
import { EffectiveAccess } from "./tokens/EffectiveAccess";
import { GenerateTokenDialog } from "./tokens/GenerateTokenDialog";
import { NoticePreferencesForm } from "./tokens/NoticePreferencesForm";
import { RegenerateTokenButton } from "./tokens/RegenerateTokenButton";
import { ReportedTokensNotice } from "./tokens/ReportedTokensNotice";
import { RevokeTokenButton } from "./tokens/RevokeTokenButton";
import { TokenFilter } from "./tokens/TokenFilter";

type Props = {
  data: TokenPageData;
  params: TokenListParams;
  /** The page this table is on, for the filter and the pager links. */
  basePath: string;
};

/** The token page body shared by the admin panel and the partner hub: only the layout around it differs. */
export function TokenTable({ data, params, basePath }: Props) {
  const { tokens, nextCursor, now, maxLifetimeDays, reported } = data;
  const { query, status } = params;
  const isFirstPage = !params.cursor;
  return (
    <>
      <ReportedTokensNotice tokens={reported} />
      <div className="toolbar">
        <TokenFilter basePath={basePath} query={query} status={status} />
        <GenerateTokenDialog maxLifetimeDays={maxLifetimeDays} access={<EffectiveAccess />} />
      </div>
      {tokens.length === 0 ? (
        <EmptyTokens query={query} statusLabel={status ? TOKEN_STATUS_LABELS[status] : undefined} isFirstPage={isFirstPage} />
      ) : (
        <div className="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className="token-name">
                    <Link href={`${basePath}/${token.id}`}>{token.name}</Link>
                    {hasNewAddress(token, now) && (
                      <>
                        {" "}
                        <span className="badge badge-warn" title="First used from a new address in the last 7 days: check its details.">
                          New address
                        </span>
                      </>
                    )}
                    {token.note && <p className="token-note muted">{token.note}</p>}
                  </td>
                  <td>
                    <code>{token.masked}</code>
                  </td>
                  <td>
                    <time dateTime={token.createdAt.toISOString()} title={formatMoment(token.createdAt)}>
                      {formatDay(token.createdAt)}
                    </time>
                  </td>
                  <td>
                    {token.lastUsedAt ? (
                      <time dateTime={token.lastUsedAt.toISOString()} title={formatMoment(token.lastUsedAt)}>
                        {formatLastUsed(token.lastUsedAt, now)}
                      </time>
                    ) : (
                      formatLastUsed(null, now)
                    )}
                    {!token.revokedAt && isUnused(token, now) && (
                      <>
                        {" "}
                        <span className="badge" title="Not used for 90 days or more: revoke it if nothing needs it.">
                          Unused
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <ExpiryCell token={token} now={now} />
                  </td>
                  <td className="row-actions">
                    {!token.revokedAt && (
                      <>
                        <RegenerateTokenButton token={{ id: token.id, name: token.name, masked: token.masked }} />
                        <RevokeTokenButton token={{ id: token.id, name: token.name, masked: token.masked }} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager basePath={basePath} params={{ q: query, status }} nextCursor={nextCursor} isFirstPage={isFirstPage} />
      <NoticePreferencesForm preferences={data.noticePreferences} />
    </>
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
