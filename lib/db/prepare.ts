import { createDb } from "./connect";
import { migrate } from "./migrate";
import { seedIfEmpty } from "./seed";
import { databaseUrl } from "./url";

export async function prepareDatabase(url: string = databaseUrl()): Promise<void> {
  const applied = await migrate(url);
  if (applied.length > 0) console.info(JSON.stringify({ event: "migrations_applied", migrations: applied }));
  const db = createDb(url);
  try {
    if (await seedIfEmpty(db)) console.info(JSON.stringify({ event: "demo_data_seeded" }));
  } finally {
    await db.$disconnect();
  }
}
