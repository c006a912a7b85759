import crypto from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkLimit, MemoryCounterStore, recordFailure, spendQuota, type CounterStore, type LimitRule } from "../../lib/security/rate-limit";
import { RedisCounterStore } from "../../lib/security/redis-counter-store";

// lib/security/limiter.ts is server-only; outside Next.js the marker module would refuse to load.
vi.mock("server-only", () => ({}));

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const RULE: LimitRule = { limit: 10, windowMs: 60_000 };

function uniqueKey(name: string): string {
  return `test:${name}:${crypto.randomBytes(6).toString("hex")}`;
}

async function fail(store: CounterStore, key: string, times: number, rule = RULE) {
  let state = { limited: false, retryAfterSeconds: 0 };
  for (let i = 0; i < times; i++) state = await recordFailure(store, key, rule);
  return state;
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const settle = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000);
    socket.once("connect", () => settle(true)).once("error", () => settle(false)).once("timeout", () => settle(false));
  });
}

describe("the limits", () => {
  it("are the ones the product promises", async () => {
    const { LIMITS } = await import("../../lib/security/limiter");
    expect(LIMITS.apiAuthPerAddress).toEqual({ limit: 30, windowMs: 60_000 });
    expect(LIMITS.signInPerEmailAndAddress).toEqual({ limit: 10, windowMs: 15 * 60_000 });
    expect(LIMITS.signInPerEmail).toEqual({ limit: 100, windowMs: 15 * 60_000 });
    expect(LIMITS.signInPerAddress).toEqual({ limit: 30, windowMs: 15 * 60_000 });
  });
});

describe("in-process counters", () => {
  afterEach(() => vi.useRealTimers());

  it("allow up to the limit, refuse beyond it with a Retry-After inside the window, and reset afterwards", async () => {
    vi.useFakeTimers();
    const store = new MemoryCounterStore();
    const key = uniqueKey("memory");
    expect(await fail(store, key, 10)).toEqual({ limited: false, retryAfterSeconds: 0 });
    expect(await checkLimit(store, key, RULE)).toEqual({ limited: false, retryAfterSeconds: 0 });
    const over = await recordFailure(store, key, RULE);
    expect(over.limited).toBe(true);
    expect(over.retryAfterSeconds).toBeGreaterThan(0);
    expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await checkLimit(store, key, RULE)).limited).toBe(true);

    vi.advanceTimersByTime(60_001);
    expect((await checkLimit(store, key, RULE)).limited).toBe(false);
    expect((await recordFailure(store, key, RULE)).limited).toBe(false);
  });

  it("count each key on its own", async () => {
    const store = new MemoryCounterStore();
    const attacked = uniqueKey("attacked");
    await fail(store, attacked, 11);
    expect((await checkLimit(store, attacked, RULE)).limited).toBe(true);
    expect((await checkLimit(store, uniqueKey("bystander"), RULE)).limited).toBe(false);
  });
});

describe("Redis counters shared by two app instances", async () => {
  const available = await reachable(REDIS_URL);
  // Required when TEST_REDIS_URL names a Redis; on a laptop without one the shared store cannot be tested.
  const run = available || process.env.TEST_REDIS_URL ? describe : describe.skip;

  run("", () => {
    let first: RedisCounterStore;
    let second: RedisCounterStore;
    beforeAll(() => {
      first = new RedisCounterStore(REDIS_URL);
      second = new RedisCounterStore(REDIS_URL);
    });
    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it("add up failures seen by either instance, so spreading attempts over instances gains nothing", async () => {
      const key = uniqueKey("redis");
      for (let i = 0; i < 10; i++) expect((await recordFailure(i % 2 ? first : second, key, RULE)).limited).toBe(false);
      expect((await checkLimit(first, key, RULE)).limited).toBe(false);
      const over = await recordFailure(second, key, RULE);
      expect(over.limited).toBe(true);
      expect(over.retryAfterSeconds).toBeGreaterThan(0);
      expect(over.retryAfterSeconds).toBeLessThanOrEqual(60);
      // The other instance refuses too.
      expect((await checkLimit(first, key, RULE)).limited).toBe(true);
      expect((await checkLimit(first, uniqueKey("other"), RULE)).limited).toBe(false);
    });

    it("count concurrent failures exactly", async () => {
      const key = uniqueKey("concurrent");
      await Promise.all(Array.from({ length: 40 }, (_, i) => recordFailure(i % 2 ? first : second, key, RULE)));
      expect(await first.peek(key)).toMatchObject({ count: 40 });
    });

    it("expire with the window", async () => {
      const key = uniqueKey("expiry");
      const short = { limit: 2, windowMs: 300 };
      await fail(first, key, 3, short);
      expect((await checkLimit(second, key, short)).limited).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await checkLimit(second, key, short)).limited).toBe(false);
    });
  });
});

describe("the limiter", () => {
  const saved = process.env.REDIS_URL;
  afterEach(() => {
    process.env.REDIS_URL = saved;
    delete (globalThis as Record<string, unknown>).platformCounterStore;
    delete (globalThis as Record<string, unknown>).platformMemoryStore;
    vi.resetModules();
  });

  it("keeps limiting in-process when Redis cannot be reached", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:1";
    vi.resetModules();
    const { countFailure, isLimited } = await import("../../lib/security/limiter");
    const { logger } = await import("../../lib/log/logger.mjs");
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const key = uniqueKey("fallback");
    for (let i = 0; i < 10; i++) expect((await countFailure(key, RULE)).limited).toBe(false);
    expect((await countFailure(key, RULE)).limited).toBe(true);
    expect((await isLimited(key, RULE)).limited).toBe(true);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    await (globalThis as { platformCounterStore?: RedisCounterStore }).platformCounterStore?.close();
  });

  it("counts in process without REDIS_URL", async () => {
    delete process.env.REDIS_URL;
    vi.resetModules();
    const { countFailure, isLimited } = await import("../../lib/security/limiter");
    const key = uniqueKey("memory-limiter");
    for (let i = 0; i < 10; i++) await countFailure(key, RULE);
    expect((await isLimited(key, RULE)).limited).toBe(false);
    expect((await countFailure(key, RULE)).limited).toBe(true);
  });
});

describe("per-token request quotas", () => {
  const HOUR: LimitRule = { limit: 3, windowMs: 3_600_000 };

  it("count down to zero, then refuse until the window ends", async () => {
    const store = new MemoryCounterStore();
    const key = uniqueKey("quota");
    expect(await spendQuota(store, key, HOUR)).toMatchObject({ limited: false, limit: 3, remaining: 2 });
    expect(await spendQuota(store, key, HOUR)).toMatchObject({ limited: false, remaining: 1 });
    const last = await spendQuota(store, key, HOUR);
    expect(last).toMatchObject({ limited: false, remaining: 0 });
    expect(last.resetSeconds).toBeGreaterThan(3590);
    expect(last.resetSeconds).toBeLessThanOrEqual(3600);
    expect(await spendQuota(store, key, HOUR)).toMatchObject({ limited: true, remaining: 0 });
    expect(await spendQuota(store, uniqueKey("other-token"), HOUR)).toMatchObject({ limited: false, remaining: 2 });
  });

  it("are shared by two instances through Redis", async () => {
    const available = await reachable(REDIS_URL);
    if (!available && !process.env.TEST_REDIS_URL) return;
    const first = new RedisCounterStore(REDIS_URL);
    const second = new RedisCounterStore(REDIS_URL);
    try {
      const key = uniqueKey("shared-quota");
      expect(await spendQuota(first, key, HOUR)).toMatchObject({ limited: false, remaining: 2 });
      expect(await spendQuota(second, key, HOUR)).toMatchObject({ limited: false, remaining: 1 });
      expect(await spendQuota(first, key, HOUR)).toMatchObject({ limited: false, remaining: 0 });
      const refused = await spendQuota(second, key, HOUR);
      expect(refused).toMatchObject({ limited: true, remaining: 0 });
      expect(refused.resetSeconds).toBeGreaterThan(3590);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("default to 5,000 an hour, and take API_RATE_LIMIT_PER_HOUR when it is a positive integer", async () => {
    const saved = { limit: process.env.API_RATE_LIMIT_PER_HOUR, redis: process.env.REDIS_URL };
    const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
    delete process.env.REDIS_URL;
    try {
      for (const [setting, expected] of [[undefined, 5000], ["250", 250], ["0", 5000], ["abc", 5000], ["1.5", 5000]] as const) {
        restore("API_RATE_LIMIT_PER_HOUR", setting);
        vi.resetModules();
        delete (globalThis as Record<string, unknown>).platformCounterStore;
        const { spendTokenQuota } = await import("../../lib/api/quota");
        expect((await spendTokenQuota(uniqueKey("token"))).limit, String(setting)).toBe(expected);
      }
    } finally {
      restore("API_RATE_LIMIT_PER_HOUR", saved.limit);
      restore("REDIS_URL", saved.redis);
      delete (globalThis as Record<string, unknown>).platformCounterStore;
      vi.resetModules();
    }
  });
});
