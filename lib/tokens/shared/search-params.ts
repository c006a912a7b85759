// The token pages' URL state: `?q=` filters by name, `?status=` by status, `?cursor=` pages. A repeated
// parameter counts once; an unknown status is ignored (the unfiltered list).
import { TOKEN_STATUSES, type TokenStatusFilter } from "./statuses";
import { TOKEN_NAME_MAX } from "./validation";

export type TokenSearchParams = { q?: string | string[]; status?: string | string[]; cursor?: string | string[] };

export type TokenListParams = { query?: string; status?: TokenStatusFilter; cursor?: string };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// No name is longer than TOKEN_NAME_MAX, so a longer filter can only be cut down to it. Without the cap a
// filter of thousands of `%`/`_`-separated pieces becomes as many LIKE conditions in one query, which the
// database refuses (the page then failed). Code points, as the name rule counts them.
function capped(query: string): string {
  const characters = [...query];
  return characters.length > TOKEN_NAME_MAX ? characters.slice(0, TOKEN_NAME_MAX).join("").trim() : query;
}

export function readTokenSearchParams(params: TokenSearchParams): TokenListParams {
  const query = capped(first(params.q)?.trim() ?? "");
  const status = first(params.status);
  return {
    query: query || undefined,
    status: (TOKEN_STATUSES as readonly string[]).includes(status ?? "") ? (status as TokenStatusFilter) : undefined,
    cursor: first(params.cursor) || undefined,
  };
}
