import "server-only";
import { getNoticePreferences } from "../../notices/preferences";
import { getMaxLifetimeDays } from "./policy";
import type { TokenListParams } from "../shared/search-params";
import { listTokens, recentlyReportedTokens } from "./store";

/** Everything a token page shows for its signed-in owner, read in parallel. */
export async function loadTokenPage(ownerId: string, params: TokenListParams) {
  const now = new Date();
  const [page, reported, maxLifetimeDays, noticePreferences] = await Promise.all([
    listTokens(ownerId, { query: params.query, status: params.status, cursor: params.cursor, now }),
    params.cursor ? Promise.resolve([]) : recentlyReportedTokens(ownerId, now),
    getMaxLifetimeDays(),
    getNoticePreferences(ownerId),
  ]);
  return { ...page, reported, maxLifetimeDays, noticePreferences, now };
}

export type TokenPageData = Awaited<ReturnType<typeof loadTokenPage>>;
