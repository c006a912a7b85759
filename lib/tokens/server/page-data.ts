import "server-only";
import { getMaxLifetimeDays } from "./policy";
import type { TokenListParams } from "../shared/search-params";
import { listTokens, recentlyReportedTokens } from "./store";

/** Everything a token page shows for its signed-in owner, read in parallel. */
export async function loadTokenPage(ownerId: string, params: TokenListParams) {
  const now = new Date();
  const [page, reported, maxLifetimeDays] = await Promise.all([
    listTokens(ownerId, { query: params.query, status: params.status, cursor: params.cursor, now }),
    params.cursor ? Promise.resolve([]) : recentlyReportedTokens(ownerId, now),
    getMaxLifetimeDays(),
  ]);
  return { ...page, reported, maxLifetimeDays, now };
}

export type TokenPageData = Awaited<ReturnType<typeof loadTokenPage>>;
