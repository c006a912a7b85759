import Form from "next/form";
import Link from "next/link";
import { TOKEN_STATUS_LABELS, TOKEN_STATUSES, type TokenStatusFilter } from "@/lib/tokens/shared/statuses";

function href(basePath: string, params: { q?: string; status?: string }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.status) search.set("status", params.status);
  const text = search.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/**
 * The name filter is a GET form and the status filter a set of links, so both live in the URL (`?q=`,
 * `?status=`), survive a reload and combine; a new filter starts at page one.
 */
export function TokenFilter({ basePath, query, status }: { basePath: string; query?: string; status?: TokenStatusFilter }) {
  return (
    <div className="token-filters">
      <Form action={basePath} role="search" aria-label="Filter tokens" className="filter-form">
        <div className="field">
          <label htmlFor="token-filter">Filter by name</label>
          {/* Keyed by the query so that "Clear" and back/forward show the filter actually applied. */}
          <input key={query ?? ""} id="token-filter" name="q" type="search" defaultValue={query ?? ""} autoComplete="off" />
        </div>
        {status && <input type="hidden" name="status" value={status} />}
        <button type="submit">Filter</button>
        {(query || status) && <Link href={basePath}>Clear filter</Link>}
      </Form>
      <nav aria-label="Token status" className="status-tabs">
        <Link href={href(basePath, { q: query })} aria-current={status ? undefined : "page"}>
          All
        </Link>
        {TOKEN_STATUSES.map((value) => (
          <Link key={value} href={href(basePath, { q: query, status: value })} aria-current={status === value ? "page" : undefined}>
            {TOKEN_STATUS_LABELS[value]}
          </Link>
        ))}
      </nav>
    </div>
  );
}
