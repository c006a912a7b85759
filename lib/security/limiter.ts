import "server-only";
import { checkLimit, MemoryCounterStore, recordFailure, spendQuota, type CounterStore, type LimitRule, type LimitState, type QuotaState } from "./rate-limit";
import { RedisCounterStore } from "./redis-counter-store";
import { processWide } from "../process-state.mjs";
import { errorFields, logger } from "../log/logger.mjs";

// The limits against brute force. Sign-in failures are counted per email from one address (the guesser),
// per email from everywhere with a much higher ceiling (a distributed guesser), and per address (one guesser
// trying many emails). Counting per email alone would let anyone lock any account out with a few requests.
export const LIMITS = {
  apiAuthPerAddress: { limit: 30, windowMs: 60_000 },
  signInPerEmailAndAddress: { limit: 10, windowMs: 15 * 60_000 },
  signInPerEmail: { limit: 100, windowMs: 15 * 60_000 },
  signInPerAddress: { limit: 30, windowMs: 15 * 60_000 },
  credentialReportsPerAddress: { limit: 60, windowMs: 60_000 },
} satisfies Record<string, LimitRule>;

// Shared through Redis when REDIS_URL is set, so that every instance counts the same failures.
function store(): CounterStore {
  return processWide<CounterStore>("platformCounterStore", () => (process.env.REDIS_URL ? new RedisCounterStore(process.env.REDIS_URL) : memoryStore()));
}

function memoryStore(): CounterStore {
  return processWide<CounterStore>("platformMemoryStore", () => new MemoryCounterStore());
}

// If Redis is unreachable the limiter keeps working per instance instead of failing every request.
async function withFallback<T>(operation: (store: CounterStore) => Promise<T>): Promise<T> {
  try {
    return await operation(store());
  } catch (error) {
    logger.error({ event: "rate_limit_store_unavailable", ...errorFields(error), message: String((error as Error)?.message ?? error).slice(0, 200) });
    return operation(memoryStore());
  }
}

export function isLimited(key: string, rule: LimitRule): Promise<LimitState> {
  return withFallback((s) => checkLimit(s, key, rule));
}

export function countFailure(key: string, rule: LimitRule): Promise<LimitState> {
  return withFallback((s) => recordFailure(s, key, rule));
}

export function countRequest(key: string, rule: LimitRule): Promise<QuotaState> {
  return withFallback((s) => spendQuota(s, key, rule));
}
