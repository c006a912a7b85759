import { createDb } from "./connect";
import { demoSeedingWanted } from "./demo-mode";
import { migrate } from "./migrate";
import { demoAccountsPresent, seedIfEmpty } from "./seed";
import { databaseUrl } from "./url";
import { logger } from "../log/logger.mjs";

export async function prepareDatabase(url: string = databaseUrl()): Promise<void> {
  // Read first: a wrong setting stops the start-up before anything is written.
  const demo = demoSeedingWanted(url, process.env.SEED_DEMO);
  const applied = await migrate(url);
  if (applied.length > 0) logger.info({ event: "migrations_applied", migrations: applied });
  const db = createDb(url);
  try {
    const seeded = await seedIfEmpty(db, { demo });
    if (seeded === "demo") logger.info({ event: "demo_data_seeded" });
    if (seeded === "roles-and-groups") logger.info({ event: "roles_and_groups_seeded" });
    // On every start, not only the one that seeded them: their passwords are published, so whoever runs the
    // instance must keep being told until the accounts are gone.
    const accounts = await demoAccountsPresent(db);
    if (accounts.length > 0) {
      logger.warn({
        event: "demo_accounts",
        accounts,
        message: `Demo accounts with published passwords exist (${accounts.join(", ")}): anyone can sign in with them. Delete them or change their passwords before this instance is reachable by others.`,
      });
    }
  } finally {
    await db.$disconnect();
  }
}
