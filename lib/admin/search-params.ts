// The users list's URL state: `?q=` searches names and emails, `?cursor=` pages. A repeated parameter
// counts once.
export type ListSearchParams = { q?: string | string[]; cursor?: string | string[] };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readListSearchParams(params: ListSearchParams): { query?: string; cursor?: string } {
  const query = first(params.q)?.trim().slice(0, 200);
  return { query: query || undefined, cursor: first(params.cursor) || undefined };
}
