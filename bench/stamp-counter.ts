// Counts real writes of ApiToken.lastUsedAt with a database trigger on the benchmark's own database.
import type { Db } from "../lib/db/connect";
import { providerOf } from "../lib/db/url";

export async function installStampCounter(db: Db, url: string): Promise<void> {
  if (providerOf(url) === "postgresql") {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS bench_stamps (n INTEGER NOT NULL)`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION bench_count_stamp() RETURNS trigger AS $$ BEGIN INSERT INTO bench_stamps VALUES (1); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS bench_stamp ON "ApiToken"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER bench_stamp AFTER UPDATE OF "lastUsedAt" ON "ApiToken" FOR EACH ROW EXECUTE FUNCTION bench_count_stamp()`);
  } else {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS bench_stamps (n INTEGER NOT NULL)`);
    await db.$executeRawUnsafe(`CREATE TRIGGER IF NOT EXISTS bench_stamp AFTER UPDATE OF "lastUsedAt" ON "ApiToken" BEGIN INSERT INTO bench_stamps VALUES (1); END`);
  }
  await db.$executeRawUnsafe(`DELETE FROM bench_stamps`);
}

export async function countStamps(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM bench_stamps`);
  return Number(rows[0].n);
}
