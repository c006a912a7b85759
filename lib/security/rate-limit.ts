// Fixed-window counters: failed attempts (API authentication, sign-in) and each token's request quota.
// In-process by default; see ./redis-counter-store for the shared store that several instances use.
export type LimitRule = { limit: number; windowMs: number };
export type LimitState = { limited: boolean; retryAfterSeconds: number };

export interface CounterStore {
  /** Adds one to the key's count in the current window; returns the new count and when the window ends. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** The key's count in the current window, without adding to it. */
  peek(key: string): Promise<{ count: number; resetAt: number } | null>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async increment(key: string, windowMs: number) {
    const now = Date.now();
    let entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, entry);
      if (this.windows.size > 50_000) this.sweep(now);
    }
    entry.count += 1;
    return { ...entry };
  }

  async peek(key: string) {
    const entry = this.windows.get(key);
    return entry && entry.resetAt > Date.now() ? { ...entry } : null;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }
}

function stateOf(entry: { count: number; resetAt: number } | null, rule: LimitRule): LimitState {
  if (!entry || entry.count <= rule.limit) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((entry.resetAt - Date.now()) / 1000)) };
}

/** Whether the key is over its limit, without counting a new attempt. */
export async function checkLimit(store: CounterStore, key: string, rule: LimitRule): Promise<LimitState> {
  return stateOf(await store.peek(key), rule);
}

/** Counts a failed attempt; returns whether the key is now over its limit. */
export async function recordFailure(store: CounterStore, key: string, rule: LimitRule): Promise<LimitState> {
  return stateOf(await store.increment(key, rule.windowMs), rule);
}

/** A quota's state after counting one more request: what the RateLimit-* headers report. */
export type QuotaState = { limited: boolean; limit: number; remaining: number; resetSeconds: number };

/** Counts a request against the key's quota; it is spent once more than `limit` were counted in the window. */
export async function spendQuota(store: CounterStore, key: string, rule: LimitRule): Promise<QuotaState> {
  const { count, resetAt } = await store.increment(key, rule.windowMs);
  return {
    limited: count > rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)),
  };
}
