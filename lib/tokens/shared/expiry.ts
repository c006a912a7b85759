// When tokens expire: the choices offered at generation, the administrator's cap on lifetimes, and how a
// token's expiry reads in the list. Shared by the browser (the form) and the server (the real check), so
// both always agree. Dates are UTC: the server does not know the reader's time zone.
import { formatDistanceStrict } from "date-fns";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Preset lifetimes in days, offered next to "no expiry" and a custom date. */
export const EXPIRY_PRESET_DAYS = [7, 30, 60, 90] as const;
export const EXPIRY_CHOICES = ["none", "7", "30", "60", "90", "custom"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];
export const DEFAULT_EXPIRY: ExpiryChoice = "30";

/** A custom expiry date may be at most this many days ahead. */
export const MAX_CUSTOM_DAYS = 365;
/** Tokens expiring within this many days are flagged in the list. */
export const EXPIRING_SOON_DAYS = 7;
/** Tokens not used for this many days are marked "Unused". */
export const UNUSED_AFTER_DAYS = 90;

/** The caps an administrator can set on every new token's lifetime, in days. */
export const LIFETIME_CAP_DAYS = [7, 30, 60, 90, 180, 365] as const;

export const EXPIRY_MESSAGES = {
  choice: "Choose when the token expires.",
  customDate: "Enter the expiry date as a valid date.",
  customPast: "The expiry date must be after today.",
  customTooFar: `The expiry date can be at most ${MAX_CUSTOM_DAYS} days ahead.`,
  capped: (days: number) => `An administrator limits tokens to ${days} days. Choose an expiry within ${days} days.`,
} as const;

export type ExpiryResult = { ok: true; expiresAt: Date | null } | { ok: false; message: string };

/** "2026-12-31" as the start of that day in UTC, or null when it is not a real calendar date. */
export function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** "2026-12-31", the form's value for a day. */
export function dayValue(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The expiry time for a choice made now, within the administrator's cap (null: no cap). A custom date
 * lasts to the end of that day (UTC); a preset of N days ends N×24 hours from now.
 */
export function resolveExpiry(choice: ExpiryChoice, customDay: string | undefined, now: Date, maxLifetimeDays: number | null): ExpiryResult {
  const today = startOfUtcDay(now);
  let expiresAt: Date | null;
  let lifetimeDays: number;
  if (choice === "none") {
    expiresAt = null;
    lifetimeDays = Infinity;
  } else if (choice === "custom") {
    const day = parseDay(customDay ?? "");
    if (!day) return { ok: false, message: EXPIRY_MESSAGES.customDate };
    if (day <= today) return { ok: false, message: EXPIRY_MESSAGES.customPast };
    lifetimeDays = Math.round((day.getTime() - today.getTime()) / DAY_MS);
    if (lifetimeDays > MAX_CUSTOM_DAYS) return { ok: false, message: EXPIRY_MESSAGES.customTooFar };
    expiresAt = new Date(day.getTime() + DAY_MS);
  } else {
    lifetimeDays = Number(choice);
    expiresAt = new Date(now.getTime() + lifetimeDays * DAY_MS);
  }
  if (maxLifetimeDays !== null && lifetimeDays > maxLifetimeDays) return { ok: false, message: EXPIRY_MESSAGES.capped(maxLifetimeDays) };
  return { ok: true, expiresAt };
}

/** The preset offered first: the default, or the longest preset within the cap. */
export function defaultExpiryChoice(maxLifetimeDays: number | null): ExpiryChoice {
  if (maxLifetimeDays === null || Number(DEFAULT_EXPIRY) <= maxLifetimeDays) return DEFAULT_EXPIRY;
  const allowed = EXPIRY_PRESET_DAYS.filter((days) => days <= maxLifetimeDays);
  return allowed.length > 0 ? (String(allowed[allowed.length - 1]) as ExpiryChoice) : "custom";
}

export function choiceAllowed(choice: ExpiryChoice, maxLifetimeDays: number | null): boolean {
  if (maxLifetimeDays === null || choice === "custom") return true;
  return choice !== "none" && Number(choice) <= maxLifetimeDays;
}

export type ExpiryState = "never" | "active" | "expiring" | "expired";

export function expiryState(expiresAt: Date | null, now: Date): ExpiryState {
  if (!expiresAt) return "never";
  if (expiresAt <= now) return "expired";
  return expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS ? "expiring" : "active";
}

/** "Never expires", "Expired" or "Expires in 3 days". */
export function formatExpiry(expiresAt: Date | null, now: Date): string {
  if (!expiresAt) return "Never expires";
  if (expiresAt <= now) return "Expired";
  // Counted in days (as "in 30 days", not "in 1 month") until the last day, then in hours or minutes.
  const unit = expiresAt.getTime() - now.getTime() >= DAY_MS ? "day" : undefined;
  return `Expires ${formatDistanceStrict(expiresAt, now, { addSuffix: true, unit })}`;
}

/** Unused: old enough, and not used within the last UNUSED_AFTER_DAYS days. */
export function isUnused(token: { createdAt: Date; lastUsedAt: Date | null }, now: Date): boolean {
  const threshold = now.getTime() - UNUSED_AFTER_DAYS * DAY_MS;
  return token.createdAt.getTime() <= threshold && (token.lastUsedAt === null || token.lastUsedAt.getTime() <= threshold);
}
