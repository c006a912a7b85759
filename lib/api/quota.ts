import "server-only";
import { countRequest } from "../security/limiter";
import type { LimitRule, QuotaState } from "../security/rate-limit";

// Each token's request quota: API_RATE_LIMIT_PER_HOUR requests (default 5,000) in a fixed hour window,
// counted per token ID (so a second token of the same user has a quota of its own), in memory per instance
// or across instances through Redis when REDIS_URL is set. No database statement is spent on it.
const DEFAULT_PER_HOUR = 5_000;
const HOUR_MS = 60 * 60_000;

let rule: LimitRule | undefined;

function quotaRule(): LimitRule {
  if (!rule) {
    const configured = Number(process.env.API_RATE_LIMIT_PER_HOUR);
    const limit = Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_PER_HOUR;
    rule = { limit, windowMs: HOUR_MS };
  }
  return rule;
}

/** Counts one request of the token; `limited` once its quota for the current hour is spent. */
export function spendTokenQuota(tokenId: string): Promise<QuotaState> {
  return countRequest(`api-quota:${tokenId}`, quotaRule());
}

/** The headers every authenticated response carries (IETF draft "RateLimit header fields for HTTP"). */
export function quotaHeaders(state: QuotaState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
}
