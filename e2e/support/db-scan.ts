// Reads every row of every table of the test database, for tests that prove a value was never stored
// anywhere (a token's secret): a new table or column is covered without changing the test.
import { testDb } from "./db";

function isPostgres(): boolean {
  return (process.env.DATABASE_URL ?? "").startsWith("postgres");
}

async function tableNames(): Promise<string[]> {
  const rows = isPostgres()
    ? await testDb().$queryRawUnsafe<{ name: string }[]>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
    : await testDb().$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows.map((row) => row.name);
}

/** Every table's rows, each row as one line of text (all columns, whatever their type). */
export async function everyStoredRow(): Promise<{ table: string; text: string }[]> {
  const rows: { table: string; text: string }[] = [];
  for (const table of await tableNames()) {
    const found = await testDb().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
    for (const row of found) {
      rows.push({
        table,
        text: JSON.stringify(row, (_key, value) => {
          if (typeof value === "bigint") return value.toString();
          // Binary columns as their raw bytes, so that a secret stored as bytes is still found.
          if (value instanceof Uint8Array) return Buffer.from(value).toString("latin1");
          if (value?.type === "Buffer" && Array.isArray(value.data)) return Buffer.from(value.data).toString("latin1");
          return value;
        }),
      });
    }
  }
  return rows;
}
