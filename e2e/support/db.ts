// Direct database access for tests: seeding fixtures and checking what was stored. The app under test
// uses the same DATABASE_URL (scripts/test.mjs sets it).
import { createDb, type Db } from "../../lib/db/connect";

let instance: Db | null = null;

export function testDb(): Db {
  instance ??= createDb(process.env.DATABASE_URL);
  return instance;
}
