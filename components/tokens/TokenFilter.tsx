import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
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
        <Field label="Filter by name" className="mb-0 w-full sm:w-64">
          {/* Keyed by the query so that "Clear" and back/forward show the filter actually applied. */}
          {(control) => <Input key={query ?? ""} name="q" type="search" defaultValue={query ?? ""} autoComplete="off" {...control} />}
        </Field>
        {status && <input type="hidden" name="status" value={status} />}
        <Button type="submit">Filter</Button>
        {(query || status) && <Link href={basePath}>Clear filter</Link>}
      </Form>
      <nav aria-label="Token status" className="status-tabs">
        {/* The unfiltered list leaves revoked tokens out (they have a tab of their own), so it is not "All". */}
        <Link href={href(basePath, { q: query })} aria-current={status ? undefined : "page"} title="Every token that is not revoked">
          Current
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
