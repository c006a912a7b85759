// An empty database of the same kind as the suite's (DATABASE_URL): a new schema on the same PostgreSQL,
// or a new SQLite file beside the suite's, for watching what instances do on their very first start.
import crypto from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresConnectionString, postgresSchemaOf, providerOf, sqliteFilePath, type Provider } from "../../lib/db/url";

export type MigrationRow = { migration_name: string; checksum: string; finished: boolean; applied_steps_count: number };

export type FreshDatabase = {
  url: string;
  provider: Provider;
  migrationRows: () => Promise<MigrationRow[]>;
  count: (table: string) => Promise<number>;
  drop: () => Promise<void>;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function freshPostgres(suiteUrl: string): FreshDatabase {
  const schema = `${postgresSchemaOf(suiteUrl)}_fresh_${crypto.randomBytes(3).toString("hex")}`.slice(-60);
  const url = new URL(suiteUrl);
  url.searchParams.set("schema", schema);
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: postgresConnectionString(suiteUrl) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    provider: "postgresql",
    migrationRows: async () =>
      (
        await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
          `SELECT migration_name, checksum, finished_at, applied_steps_count FROM ${quote(schema)}."_prisma_migrations" ORDER BY migration_name`,
        )
      ).map((row) => ({ ...row, finished: row.finished_at !== null })),
    count: async (table) => Number((await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(schema)}.${quote(table)}`))[0].n),
    drop: async () => {
      await query(`DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`);
    },
  };
}

function freshSqlite(suiteUrl: string): FreshDatabase {
  const file = sqliteFilePath(suiteUrl).replace(/\.db$/, "") + `-fresh-${crypto.randomBytes(3).toString("hex")}.db`;
  const read = <T>(sql: string): T[] => {
    const sqlite = new Database(file, { readonly: true, timeout: 5000 });
    try {
      return sqlite.prepare(sql).all() as T[];
    } finally {
      sqlite.close();
    }
  };
  return {
    url: `file:${file}`,
    provider: "sqlite",
    migrationRows: async () =>
      read<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ).map(({ finished_at, ...row }) => ({ ...row, finished: finished_at !== null })),
    count: async (table) => Number(read<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`)[0].n),
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export function freshDatabaseLike(suiteUrl: string): FreshDatabase {
  return providerOf(suiteUrl) === "postgresql" ? freshPostgres(suiteUrl) : freshSqlite(suiteUrl);
}
