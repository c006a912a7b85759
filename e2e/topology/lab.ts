// The deployed topology on services of its own, for the fault tests and the fault benchmark: a PostgreSQL
// made with initdb and a redis-server on ports of their own, nginx in front of three instances of the
// test build (scripts/cluster/topology.mjs), and an owner whose tokens send the traffic.
import crypto from "node:crypto";
import { createDb, type Db } from "../../lib/db/connect";
import { generateToken } from "../../lib/tokens/server/format";
import { hashSecret } from "../../lib/tokens/server/hash";
import { startTopology, type ClusterTopology } from "../../scripts/cluster/topology.mjs";
import { startOwnPostgres, startOwnRedis, type OwnService } from "./own-services";
import type { TrafficToken } from "./traffic";

export type Lab = {
  postgres: OwnService;
  redis: OwnService;
  topology: ClusterTopology;
  db: Db;
  /** What the instances logged besides their per-request lines, with the time and port. */
  events: string[];
  groupId: string;
  /** New tokens of the load's owner (orders:read, orders:write, products:read in the lab's group). */
  makeTokens: (count: number) => Promise<TrafficToken[]>;
  /** Requests counted for these tokens in the database (the usage chart's figures). */
  usageOf: (tokenIds: string[]) => Promise<number>;
  /**
   * Attempts nginx gave up on after its read timeout, in requests that ended between `from` and `to` (ms):
   * the instance may still have served and counted such a request while nginx re-sent it (a GET) to the next.
   */
  timedOutAttempts: (from: number, to: number) => number;
  stop: () => Promise<void>;
};

export type LabOptions = {
  /** nginx listens here; the instances use the next `instances` ports; PostgreSQL and Redis basePort+10 and +11. */
  basePort: number;
  instances?: number;
  env?: Record<string, string>;
  onLine?: (line: string, port: number) => void;
};

export async function startLab({ basePort, instances = 3, env = {}, onLine }: LabOptions): Promise<Lab> {
  const events: string[] = [];
  const record = (line: string, port: number) => {
    if (!line.includes('"event":"request"')) events.push(`${new Date().toISOString()} [${port}] ${line.slice(0, 300)}`);
    onLine?.(line, port);
  };
  const stack: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stack.reverse()) await step().catch(() => {});
  };
  try {
    const postgres = await startOwnPostgres(basePort + 10);
    stack.push(() => postgres.remove());
    const redis = await startOwnRedis(basePort + 11);
    stack.push(() => redis.remove());
    const topology = await startTopology({
      count: instances,
      listenPort: basePort,
      onLine: record,
      attemptLog: true,
      env: {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || crypto.randomBytes(32).toString("base64url"),
        // Requests are counted but the quota never spent: the load is what is measured, not the quota.
        API_RATE_LIMIT_PER_HOUR: "1000000",
        // The load's owner, group and tokens are made below: no demo accounts needed (nor seeded on PostgreSQL).
        SEED_DEMO: "0",
        // A database that is down refuses connections at once (503 without waiting); this only bounds the
        // wait for a free pooled connection, which on a machine this loaded can take seconds.
        DATABASE_CONNECT_TIMEOUT_MS: "10000",
        ...env,
      },
    });
    stack.push(() => topology.stop());
    const db = createDb(postgres.url);
    stack.push(() => db.$disconnect());

    const suffix = crypto.randomBytes(4).toString("hex");
    const group = await db.visibilityGroup.create({ data: { name: `Load ${suffix}` } });
    const role = await db.role.create({
      data: { name: `load-${suffix}`, permissions: { create: ["orders:read", "orders:write", "products:read"].map((permission) => ({ permission })) } },
    });
    const owner = await db.user.create({
      data: {
        email: `load-${suffix}@test.example`,
        name: "Load owner",
        area: "partner",
        // Never signs in: a hash of nothing anyone knows.
        passwordHash: crypto.randomBytes(32).toString("hex"),
        roles: { create: [{ roleId: role.id }] },
        groups: { create: [{ groupId: group.id }] },
      },
    });

    return {
      postgres,
      redis,
      topology,
      db,
      events,
      groupId: group.id,
      makeTokens: async (count) => {
        const tokens: TrafficToken[] = [];
        for (let index = 0; index < count; index++) {
          const { tokenId, secret, token } = generateToken();
          const name = `load ${tokenId}`;
          await db.apiToken.create({ data: { id: tokenId, userId: owner.id, name, nameSearch: name.toLowerCase(), secretHash: hashSecret(secret) } });
          tokens.push({ token, tokenId });
        }
        return tokens;
      },
      timedOutAttempts: (from, to) =>
        topology.nginx
          .attempts()
          .filter((entry) => entry.endedAt >= from && entry.endedAt <= to)
          .reduce((sum, entry) => sum + entry.attempts.filter((attempt) => attempt.status === "504").length, 0),
      usageOf: async (tokenIds) => (await db.tokenUsageDay.aggregate({ _sum: { count: true }, where: { tokenId: { in: tokenIds } } }))._sum.count ?? 0,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
