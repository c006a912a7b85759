// Filler rows for the scale benchmarks, written straight through the raw driver in large batches: users,
// and tokens with unique IDs and a precomputed hash string (filler tokens are never presented, so their
// hash need not belong to a real secret). Dates are written the way Prisma writes them on each database.
import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresConnectionString, postgresSchemaOf, providerOf, sqliteFilePath } from "../lib/db/url";
import { BASE62 } from "../lib/tokens/server/format";

const FILLER_HASH = crypto.createHash("sha256").update("filler").digest("hex");
const PG_BATCH = 10_000;

export type FillerToken = { id: string; userId: string; name: string; createdAt: Date; lastUsedAt: Date | null };

let counter = 0;
const runTag = crypto.randomBytes(3).toString("hex");

/** A 12-character base62 token ID, unique within the run (sequence number after a random prefix). */
export function fillerTokenId(): string {
  let n = counter++;
  let id = "";
  for (let i = 0; i < 8; i++) {
    id = BASE62[n % 62] + id;
    n = Math.floor(n / 62);
  }
  return `F${runTag.slice(0, 3)}${id}`;
}

export type FillerWriter = {
  users: (ids: string[]) => Promise<void>;
  tokens: (tokens: FillerToken[]) => Promise<void>;
  /** Brings the planner's statistics (and on PostgreSQL the visibility map) up to date after a bulk insert. */
  analyze: () => Promise<void>;
  close: () => Promise<void>;
};

function sqliteDate(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "+00:00") : null;
}

function sqliteWriter(url: string): FillerWriter {
  const sqlite = new Database(sqliteFilePath(url), { timeout: 15_000 });
  const insertUser = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, "passwordHash", area, active, "createdAt", "updatedAt") VALUES (?, ?, ?, 'filler', 'staff', 1, ?, ?)`,
  );
  const insertToken = sqlite.prepare(
    `INSERT INTO "ApiToken" (id, "userId", name, "nameSearch", "secretHash", "createdAt", "lastUsedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // One transaction per batch: a prepared single-row insert inside a transaction is SQLite's fastest path.
  const users = sqlite.transaction((ids: string[]) => {
    const now = sqliteDate(new Date());
    for (const id of ids) insertUser.run(id, `${id}@filler.test`, id, now, now);
  });
  const tokens = sqlite.transaction((rows: FillerToken[]) => {
    for (const t of rows) insertToken.run(t.id, t.userId, t.name, t.name.toLowerCase(), FILLER_HASH, sqliteDate(t.createdAt), sqliteDate(t.lastUsedAt));
  });
  return {
    users: async (ids) => users(ids),
    tokens: async (rows) => tokens(rows),
    analyze: async () => void sqlite.exec("ANALYZE"),
    close: async () => {
      sqlite.close();
    },
  };
}

function postgresWriter(url: string): FillerWriter {
  const schema = postgresSchemaOf(url).replaceAll('"', '""');
  const pool = new pg.Pool({ connectionString: postgresConnectionString(url), max: 1, options: `-c search_path="${schema}"` });
  // unnest() of one array per column: one statement and one round trip per 10,000 rows.
  const inBatches = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += PG_BATCH) await write(rows.slice(i, i + PG_BATCH));
  };
  return {
    users: (ids) =>
      inBatches(ids, (batch) =>
        pool.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", area, active, "createdAt", "updatedAt")
           SELECT id, id || '@filler.test', id, 'filler', 'staff', true, now(), now() FROM unnest($1::text[]) AS id`,
          [batch],
        ),
      ),
    tokens: (rows) =>
      inBatches(rows, (batch) =>
        pool.query(
          `INSERT INTO "ApiToken" (id, "userId", name, "nameSearch", "secretHash", "createdAt", "lastUsedAt")
           SELECT id, "userId", name, lower(name), $6, "createdAt", "lastUsedAt"
             FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp[], $5::timestamp[]) AS t(id, "userId", name, "createdAt", "lastUsedAt")`,
          [
            batch.map((t) => t.id),
            batch.map((t) => t.userId),
            batch.map((t) => t.name),
            // Prisma stores DateTime as UTC in "timestamp without time zone".
            batch.map((t) => t.createdAt.toISOString().replace("Z", "")),
            batch.map((t) => (t.lastUsedAt ? t.lastUsedAt.toISOString().replace("Z", "") : null)),
            FILLER_HASH,
          ],
        ),
      ),
    // VACUUM too: after a bulk insert autovacuum would otherwise do it later, in the middle of a measurement.
    analyze: async () => {
      for (const table of ["User", "ApiToken"]) await pool.query(`VACUUM (ANALYZE) "${table}"`);
    },
    close: () => pool.end(),
  };
}

export function fillerWriter(url: string): FillerWriter {
  return providerOf(url) === "postgresql" ? postgresWriter(url) : sqliteWriter(url);
}

/** Token names of a few recurring words, so that a name filter matches some of them. */
export function fillerName(index: number): string {
  const words = ["deploy", "sync", "backup", "reporting", "ci", "import", "export", "monitor", "billing", "search"];
  return `${words[index % words.length]} job ${index}`;
}
