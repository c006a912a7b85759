// Creates a Prisma client for whichever database DATABASE_URL names. The app uses the singleton in
// ./client; scripts and tests create their own with createDb().
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseUrl, postgresConnectionString, postgresSchemaOf, providerOf, sqliteFilePath } from "./url";

// Both generated clients have the same models and methods; the SQLite one's types stand for both.
export type Db = SqliteClient;

export function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

export function createDb(url: string = databaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg(
      {
        connectionString: postgresConnectionString(url),
        max: poolSize(),
        // Fail fast when the database is unreachable instead of queueing requests forever.
        connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3000),
        // Raw queries resolve unqualified table names in the same schema as Prisma's own queries.
        options: `-c search_path="${postgresSchemaOf(url).replaceAll('"', '""')}"`,
      },
      { schema: postgresSchemaOf(url) },
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // Wait for a competing writer instead of failing with SQLITE_BUSY at once.
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: 5000 });
  return new SqliteClient({ adapter });
}
