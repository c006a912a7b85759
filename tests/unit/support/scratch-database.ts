// Scratch databases for tests that run the app's modules against a real database migrated like the
// app's: SQLite always, and PostgreSQL too when TEST_DATABASE_URL names one (in a schema of its own,
// dropped afterwards).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { vi } from "vitest";
import { postgresConnectionString } from "@/lib/db/url";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

function scratchSqlite(label: string): ScratchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  return { url: `file:${path.join(dir, "test.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function scratchPostgres(baseUrl: string, label: string): ScratchDatabase {
  const schema = `${label.replaceAll("-", "_")}_${process.pid}_${Date.now()}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresConnectionString(baseUrl) });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** [provider, make] pairs for describe.each: each `make()` returns a fresh, empty scratch database. */
export function scratchDatabases(label: string): [string, () => ScratchDatabase][] {
  const databases: [string, () => ScratchDatabase][] = [["sqlite", () => scratchSqlite(label)]];
  const postgres = process.env.TEST_DATABASE_URL;
  if (postgres) databases.push(["postgresql", () => scratchPostgres(postgres, label)]);
  return databases;
}

/**
 * Migrates the scratch database and points the app's modules at it. They hold one database client per
 * process, so the module registry is cleared: import them (dynamically) after this, not before.
 */
export async function useScratchDatabase(database: ScratchDatabase): Promise<void> {
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(database.url);
  vi.resetModules();
  delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
  process.env.DATABASE_URL = database.url;
}
