import { formatDay, formatLastUsed, formatMoment } from "@/lib/tokens/display";
import type { TokenListItem } from "@/lib/tokens/store";
import { Pager } from "./Pager";
import { GenerateTokenDialog } from "./tokens/GenerateTokenDialog";
import { RevokeTokenButton } from "./tokens/RevokeTokenButton";
import { TokenFilter } from "./tokens/TokenFilter";

type Props = {
  tokens: TokenListItem[];
  nextCursor: string | null;
  query?: string;
  isFirstPage: boolean;
  /** The page this table is on, for the filter and the pager links. */
  basePath: string;
};

/** The token page body shared by the admin panel and the partner hub: only the layout around it differs. */
export function TokenTable({ tokens, nextCursor, query, isFirstPage, basePath }: Props) {
  const now = new Date();
  return (
    <>
      <div className="toolbar">
        <TokenFilter basePath={basePath} query={query} />
        <GenerateTokenDialog />
      </div>
      {tokens.length === 0 ? (
        <EmptyTokens query={query} isFirstPage={isFirstPage} />
      ) : (
        <div className="table-wrap">
          <table aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className="token-name">{token.name}</td>
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
                  </td>
                  <td className="row-actions">
                    <RevokeTokenButton token={{ id: token.id, name: token.name, masked: token.masked }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager basePath={basePath} params={{ q: query }} nextCursor={nextCursor} isFirstPage={isFirstPage} />
    </>
  );
}

function EmptyTokens({ query, isFirstPage }: { query?: string; isFirstPage: boolean }) {
  if (query) {
    return (
      <div className="card empty" role="status">
        No tokens match “{query}”.
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
