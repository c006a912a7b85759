import { Button } from "@/components/ui/button";
import Form from "next/form";
import Link from "next/link";

/** A GET form, so the search lives in the URL (`?q=`) and survives a reload; a new search starts at page one. */
export function UserSearch({ query }: { query?: string }) {
  return (
    <Form action="/admin/users" role="search" aria-label="Search users" className="filter-form">
      <div className="field">
        <label htmlFor="user-search">Search by name or email</label>
        {/* Keyed by the query so that "Clear search" and back/forward show the search actually applied. */}
        <input key={query ?? ""} id="user-search" name="q" type="search" defaultValue={query ?? ""} autoComplete="off" />
      </div>
      <Button type="submit">Search</Button>
      {query && <Link href="/admin/users">Clear search</Link>}
    </Form>
  );
}
