// The token pages' URL state: `?q=` filters by name, `?cursor=` pages. A repeated parameter counts once.
export type TokenSearchParams = { q?: string | string[]; cursor?: string | string[] };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readTokenSearchParams(params: TokenSearchParams): { query?: string; cursor?: string } {
  const query = first(params.q)?.trim();
  return { query: query || undefined, cursor: first(params.cursor) || undefined };
}
