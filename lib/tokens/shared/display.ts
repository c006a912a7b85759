// How token dates read in the lists: the day a token was created, when it was last used relative to now
// ("5 days ago", or "never"), and the exact moment for a hover title. Times are in UTC: the server
// renders them and does not know the reader's time zone.
import { formatDistance } from "date-fns";

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "long", timeZone: "UTC" });

export const NEVER_USED = "never";

export function formatDay(date: Date): string {
  return DAY.format(date);
}

export function formatMoment(date: Date): string {
  return MOMENT.format(date);
}

/** "5 days ago"; a stamp a little ahead of this server's clock (another instance's) reads as just now. */
export function formatLastUsed(lastUsedAt: Date | null, now: Date): string {
  if (!lastUsedAt) return NEVER_USED;
  const when = lastUsedAt.getTime() > now.getTime() ? now : lastUsedAt;
  return formatDistance(when, now, { addSuffix: true });
}

/** An IPv4 client reaching a dual-stack server arrives as "::ffff:127.0.0.1": people know it as 127.0.0.1. */
export function displayAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}
