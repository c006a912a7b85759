// The token pages' URL state: `?q=` filters by name, `?status=` by status, `?cursor=` pages. A repeated
// parameter counts once; an unknown status is ignored (the unfiltered list).
import { TOKEN_STATUSES, type TokenStatusFilter } from "./statuses";

export type TokenSearchParams = { q?: string | string[]; status?: string | string[]; cursor?: string | string[] };

export type TokenListParams = { query?: string; status?: TokenStatusFilter; cursor?: string };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readTokenSearchParams(params: TokenSearchParams): TokenListParams {
  const query = first(params.q)?.trim();
  const status = first(params.status);
  return {
    query: query || undefined,
    status: (TOKEN_STATUSES as readonly string[]).includes(status ?? "") ? (status as TokenStatusFilter) : undefined,
    cursor: first(params.cursor) || undefined,
  };
}
