// Whether an empty database gets the demo accounts, whose passwords are published in the README. They make
// `npm start` on a fresh machine usable at once, which is what the embedded SQLite default is for; a
// PostgreSQL database is a deployment, where published passwords are an open door. SEED_DEMO=1 or 0 decides
// instead (the test suite forces them on PostgreSQL).
import { providerOf } from "./url";

// The setting is passed in, never read here by default: a test that passes `undefined` means "unset".
export function demoSeedingWanted(url: string, setting: string | undefined): boolean {
  const value = setting?.trim() ?? "";
  if (value === "") return providerOf(url) === "sqlite";
  if (value === "1") return true;
  if (value === "0") return false;
  // A typo must not decide for the operator whether accounts with published passwords exist.
  throw new Error(`SEED_DEMO must be 1 or 0 (or unset: demo accounts on SQLite only), not ${JSON.stringify(setting)}`);
}
