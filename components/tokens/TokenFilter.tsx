import Form from "next/form";
import Link from "next/link";

/** A GET form, so the filter lives in the URL (`?q=`) and survives a reload; a new filter starts at page one. */
export function TokenFilter({ basePath, query }: { basePath: string; query?: string }) {
  return (
    <Form action={basePath} role="search" aria-label="Filter tokens" className="filter-form">
      <div className="field">
        <label htmlFor="token-filter">Filter by name</label>
        {/* Keyed by the query so that "Clear" and back/forward show the filter actually applied. */}
        <input key={query ?? ""} id="token-filter" name="q" type="search" defaultValue={query ?? ""} autoComplete="off" />
      </div>
      <button type="submit">Filter</button>
      {query && <Link href={basePath}>Clear filter</Link>}
    </Form>
  );
}
