// Creates the database clients for whichever database DATABASE_URL names. The app uses the singletons
// in ./client; scripts and tests create their own with createDb().
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { postgresReader, sqliteReader, type RawReader } from "./raw";
import { databaseUrl, postgresConnectionString, postgresSchemaOf, providerOf, sqliteFilePath } from "./url";

// Both generated clients have the same models and methods; the SQLite one's types stand for both.
export type Db = SqliteClient;

export function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

function createPostgresPool(url: string): pg.Pool {
  const schema = postgresSchemaOf(url).replaceAll('"', '""');
  return new pg.Pool({
    connectionString: postgresConnectionString(url),
    max: poolSize(),
    // Fail fast when the database is unreachable instead of queueing requests forever.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3000),
    // Raw queries resolve unqualified table names in the same schema as Prisma's own queries.
    options: `-c search_path="${schema}"`,
  });
}

/** The ORM client, and a raw reader on the same connections (PostgreSQL) or file (SQLite). */
export function createDatabase(url: string = databaseUrl()): { db: Db; raw: RawReader } {
  if (providerOf(url) === "postgresql") {
    const pool = createPostgresPool(url);
    // Errors of idle connections (a database restart) must not crash the process; the pool reconnects.
    pool.on("error", () => {});
    const db = new PostgresClient({ adapter: new PrismaPg(pool, { schema: postgresSchemaOf(url) }) }) as unknown as Db;
    return { db, raw: postgresReader(pool) };
  }
  // Wait for a competing writer instead of failing with SQLITE_BUSY at once.
  const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 }) });
  return { db, raw: sqliteReader(url) };
}

export function createDb(url: string = databaseUrl()): Db {
  return createDatabase(url).db;
}
