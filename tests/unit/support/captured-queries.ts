// The exact SQL the app sends to the database: a Prisma client whose driver adapter records every
// statement (with its arguments, so it can be replayed), and a raw reader that does the same. Installed
// as the app's database singleton (lib/db/client.ts), the app's own modules run unchanged against it.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { Db } from "@/lib/db/connect";
import { PrismaClient as PostgresClient } from "@/lib/db/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { postgresReader, sqliteReader, type RawReader } from "@/lib/db/raw";
import { postgresConnectionString, postgresSchemaOf, providerOf } from "@/lib/db/url";

/** A statement as sent, and how to run it again with a prefix (EXPLAIN) on the same kind of connection. */
export type CapturedStatement = { sql: string; replay: (prefix: string) => Promise<unknown[][]> };

type Queryable = Pick<SqlDriverAdapter, "queryRaw">;

function recording<T extends object>(target: T, onQuery: (query: SqlQuery) => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: SqlQuery) => {
          onQuery(query);
          return (value as (query: SqlQuery) => unknown).call(object, query);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => recording((await (value as (...a: unknown[]) => Promise<Transaction>).apply(object, args)) as Transaction, onQuery);
      }
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

function recordingFactory(factory: SqlDriverAdapterFactory, onQuery: (query: SqlQuery) => void): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(object, property) {
      if (property === "connect") return async () => recording(await object.connect(), onQuery);
      const value = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

/** The app's raw reader, recording each statement with a way to replay it (prefixed, e.g. by EXPLAIN). */
function recordingReader(appRaw: RawReader, replayRaw: RawReader, record: (statement: CapturedStatement) => void): RawReader {
  return {
    dialect: appRaw.dialect,
    async all<T extends unknown[]>(sql: string, params: unknown[]) {
      record({ sql, replay: (prefix) => replayRaw.all<unknown[]>(prefix + sql, params) });
      return appRaw.all<T>(sql, params);
    },
    close: async () => {},
  };
}

export type CapturingDatabase = {
  db: Db;
  raw: RawReader;
  /** Statements sent since the last call, oldest first; the list is emptied. */
  take: () => CapturedStatement[];
  close: () => Promise<void>;
};

function postgresPool(url: string, settings: string[] = []): pg.Pool {
  const schema = postgresSchemaOf(url).replaceAll('"', '""');
  return new pg.Pool({ connectionString: postgresConnectionString(url), max: 2, options: [`-c search_path="${schema}"`, ...settings].join(" ") });
}

/**
 * The app's clients on `url`, recording what they send. Replays go through a second connection of the
 * same driver adapter (so arguments are converted exactly as for the real query), opened with
 * `replaySettings` (PostgreSQL run-time settings such as `-c enable_seqscan=off`).
 */
export async function capturingDatabase(url: string, replaySettings: string[] = []): Promise<CapturingDatabase> {
  let captured: CapturedStatement[] = [];
  const take = () => {
    const taken = captured;
    captured = [];
    return taken;
  };
  const capture = (replayer: Queryable) => (query: SqlQuery) => {
    captured.push({ sql: query.sql, replay: async (prefix) => (await replayer.queryRaw({ ...query, sql: prefix + query.sql })).rows });
  };
  const recorded = (db: Db, appRaw: RawReader, replayRaw: RawReader, closeDrivers: () => Promise<unknown>): CapturingDatabase => ({
    db,
    raw: recordingReader(appRaw, replayRaw, (statement) => captured.push(statement)),
    take,
    close: async () => {
      await db.$disconnect();
      await closeDrivers();
    },
  });
  if (providerOf(url) === "postgresql") {
    const appPool = postgresPool(url);
    const replayPool = postgresPool(url, replaySettings);
    const replayer: Queryable = await new PrismaPg(replayPool, { schema: postgresSchemaOf(url) }).connect();
    const factory = recordingFactory(new PrismaPg(appPool, { schema: postgresSchemaOf(url) }), capture(replayer));
    const db = new PostgresClient({ adapter: factory }) as unknown as Db;
    return recorded(db, postgresReader(appPool), postgresReader(replayPool), () => Promise.all([appPool.end(), replayPool.end()]));
  }
  const file = url.replace(/^file:/, "");
  const replayer: Queryable = await new PrismaBetterSqlite3({ url: `file:${file}` }).connect();
  const replayRaw = sqliteReader(url);
  const appRaw = sqliteReader(url);
  const factory = recordingFactory(new PrismaBetterSqlite3({ url: `file:${file}` }), capture(replayer));
  const db = new SqliteClient({ adapter: factory });
  return recorded(db, appRaw, replayRaw, () => Promise.all([replayRaw.close(), appRaw.close()]));
}
