// Requests per token per UTC day, counted in memory and added to the database in batches: a request costs
// one map increment, and the database sees one statement per flush however many requests there were.
// Additions are atomic upserts, so several instances flushing at once add up instead of overwriting.
import type { Db } from "../../db/connect";
import { Prisma } from "../../db/generated/sqlite/client";

export type UsageEntry = { tokenId: string; day: string; count: number };

/** The UTC day of a moment, as stored: YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The last `days` UTC days up to and including today's, oldest first. */
export function recentDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, index) => utcDay(new Date(today - (days - 1 - index) * 86_400_000)));
}

const DAY_MS = 86_400_000;

export class UsageBuffer {
  // token ID → UTC day number (days since 1970-01-01) → requests. Numbers, not "YYYY-MM-DD" keys: this runs
  // on every request, and formatting a date costs more than everything else here together.
  private counts = new Map<string, Map<number, number>>();

  add(tokenId: string, at: Date): void {
    const day = Math.floor(at.getTime() / DAY_MS);
    let days = this.counts.get(tokenId);
    if (!days) this.counts.set(tokenId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + 1);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Takes everything counted so far; requests counted meanwhile go to the next batch. */
  drain(): UsageEntry[] {
    const entries: UsageEntry[] = [];
    for (const [tokenId, days] of this.counts) {
      for (const [day, count] of days) entries.push({ tokenId, day: utcDay(new Date(day * DAY_MS)), count });
    }
    this.counts = new Map();
    return entries;
  }

  /** Puts back a batch that could not be written, so that a database outage loses no counts. */
  restore(entries: UsageEntry[]): void {
    for (const { tokenId, day, count } of entries) {
      const dayNumber = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
      let days = this.counts.get(tokenId);
      if (!days) this.counts.set(tokenId, (days = new Map()));
      days.set(dayNumber, (days.get(dayNumber) ?? 0) + count);
    }
  }
}

const ROWS_PER_STATEMENT = 200;

function upsert(db: Db, rows: UsageEntry[]): Promise<number> {
  const values = Prisma.join(rows.map((row) => Prisma.sql`(${row.tokenId}, ${row.day}, ${row.count})`));
  return db.$executeRaw`INSERT INTO "TokenUsageDay" ("tokenId", "day", "count") VALUES ${values}
    ON CONFLICT ("tokenId", "day") DO UPDATE SET "count" = "TokenUsageDay"."count" + excluded."count"`;
}

async function tokenExists(db: Db, tokenId: string): Promise<boolean> {
  return (await db.apiToken.count({ where: { id: tokenId } })) > 0;
}

/**
 * Adds the counts to the stored days and returns those that could not be written (the database is down),
 * for the next flush to try again. Counts of a token deleted meanwhile are dropped.
 */
export async function writeUsage(db: Db, entries: UsageEntry[]): Promise<UsageEntry[]> {
  for (let start = 0; start < entries.length; start += ROWS_PER_STATEMENT) {
    const rows = entries.slice(start, start + ROWS_PER_STATEMENT);
    try {
      await upsert(db, rows);
      continue;
    } catch {
      // Perhaps one deleted token: it must not cost the others their counts, so write them one by one.
    }
    for (const [index, row] of rows.entries()) {
      try {
        await upsert(db, [row]);
      } catch {
        // The token is gone: drop its count. Anything else (the database unreachable): keep this row and
        // everything after it for the next flush.
        if ((await tokenExists(db, row.tokenId).catch(() => null)) !== false) return entries.slice(start + index);
      }
    }
  }
  return [];
}
