import Redis from "ioredis";
import type { CounterStore } from "./rate-limit";

// Counters shared by every instance through Redis: one INCR and one PEXPIRE (set only when the key is
// new) in a single round trip.
export class RedisCounterStore implements CounterStore {
  private readonly redis: Redis;
  // Settles once the first connection attempt has succeeded or failed. Without the offline queue a
  // command sent before that fails at once, so every instance would count its first attempts alone.
  private readonly firstAttempt: Promise<void>;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false });
    this.firstAttempt = new Promise((resolve) => {
      this.redis.once("ready", resolve);
      this.redis.once("error", () => resolve());
      this.redis.once("end", resolve);
    });
    this.redis.on("error", () => {
      // Reported where a command fails; the limiter then falls back (see limiter.ts).
    });
  }

  async increment(key: string, windowMs: number) {
    await this.firstAttempt;
    const result = await this.redis.multi().incr(key).pexpire(key, windowMs, "NX").pttl(key).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? windowMs);
    return { count, resetAt: Date.now() + (ttl > 0 ? ttl : windowMs) };
  }

  async peek(key: string) {
    await this.firstAttempt;
    const result = await this.redis.multi().get(key).pttl(key).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[1]?.[1] ?? -2);
    return count > 0 && ttl > 0 ? { count, resetAt: Date.now() + ttl } : null;
  }

  async close() {
    this.redis.disconnect();
  }
}
