import "server-only";
import { db } from "../../db/client";
import { LIFETIME_CAP_DAYS } from "../shared/expiry";

// The administrator's token policy, kept in the Setting table so that every instance reads the same one.
// It is read at each generation (not cached), so a new cap applies to the very next token.
const MAX_LIFETIME_KEY = "tokens.maxLifetimeDays";

export type LifetimeCap = (typeof LIFETIME_CAP_DAYS)[number];

export function isLifetimeCap(value: number): value is LifetimeCap {
  return (LIFETIME_CAP_DAYS as readonly number[]).includes(value);
}

/** The longest lifetime a new token may have, in days; null when there is no cap. */
export async function getMaxLifetimeDays(): Promise<number | null> {
  const row = await db.setting.findUnique({ where: { key: MAX_LIFETIME_KEY }, select: { value: true } });
  const days = row ? Number(row.value) : NaN;
  return isLifetimeCap(days) ? days : null;
}

/** Sets or (with null) removes the cap. Only callers that checked users:manage may call this. */
export async function setMaxLifetimeDays(days: LifetimeCap | null): Promise<void> {
  if (days === null) {
    await db.setting.deleteMany({ where: { key: MAX_LIFETIME_KEY } });
    return;
  }
  await db.setting.upsert({ where: { key: MAX_LIFETIME_KEY }, create: { key: MAX_LIFETIME_KEY, value: String(days) }, update: { value: String(days) } });
}
