import Link from "next/link";

/** What a missing page, or a record that is not the visitor's, looks like: the same either way. */
export function NotFound({ backHref, backLabel }: { backHref: string; backLabel: string }) {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p className="muted">There is nothing here, or it is not yours to see. Check the address, or go back.</p>
      <p>
        <Link href={backHref}>{backLabel}</Link>
      </p>
    </div>
  );
}
