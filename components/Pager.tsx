import Link from "next/link";

/** "First page" / "Next page" links for keyset-paged lists; other query parameters are kept. */
export function Pager({ basePath, params, nextCursor, isFirstPage }: { basePath: string; params: Record<string, string | undefined>; nextCursor: string | null; isFirstPage: boolean }) {
  const href = (cursor?: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    if (cursor) query.set("cursor", cursor);
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  if (isFirstPage && !nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pagination">
      {!isFirstPage && <Link href={href()}>First page</Link>}
      {nextCursor && <Link href={href(nextCursor)}>Next page</Link>}
    </nav>
  );
}
