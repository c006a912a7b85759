// Plain SQL straight on the driver, for the one query on every API request's path (token verification),
// where the ORM's per-query overhead would be most of the database time. Queries are written with
// PostgreSQL's $1, $2… placeholders and run unchanged on PostgreSQL; on SQLite they become named
// parameters ($p1…), so one parameter can appear several times. Statements are prepared once. Rows come
// back as arrays of column values in the SELECT's order: both drivers build those far more cheaply than
// one object per row with a property per column.
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "./url";

export interface RawReader {
  /** Which SQL the reader speaks, for the few functions whose names differ between the two. */
  readonly dialect: "sqlite" | "postgresql";
  all<T extends unknown[]>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function postgresReader(pool: pg.Pool): RawReader {
  const names = new Map<string, string>();
  return {
    dialect: "postgresql",
    async all<T extends unknown[]>(sql: string, params: unknown[]) {
      // A named query is parsed and planned once per connection.
      let name = names.get(sql);
      if (!name) names.set(sql, (name = `raw_${names.size + 1}`));
      return (await pool.query<T>({ name, text: sql, values: params, rowMode: "array" })).rows;
    },
    async close() {
      await pool.end().catch(() => {});
    },
  };
}

export function sqliteReader(url: string): RawReader {
  let connection: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  const open = () => {
    // Opened on first use, after start-up has created and migrated the file. WAL lets it read while
    // the ORM's connection writes.
    connection ??= new Database(sqliteFilePath(url), { readonly: true, timeout: 5000 });
    return connection;
  };
  return {
    dialect: "sqlite",
    async all<T extends unknown[]>(sql: string, params: unknown[]) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = open().prepare(sql.replace(/\$(\d+)/g, "$$p$1")).raw(true);
        statements.set(sql, statement);
      }
      const named = Object.fromEntries(params.map((value, index) => [`p${index + 1}`, value]));
      return statement.all(named) as T[];
    },
    async close() {
      connection?.close();
      connection = null;
      statements.clear();
    },
  };
}
