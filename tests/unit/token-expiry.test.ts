import { describe, expect, it } from "vitest";
import {
  choiceAllowed,
  defaultExpiryChoice,
  EXPIRY_MESSAGES,
  expiryState,
  formatExpiry,
  isUnused,
  parseDay,
  resolveExpiry,
} from "@/lib/tokens/shared/expiry";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

describe("resolving the expiry chosen at generation", () => {
  it("ends a preset N×24 hours from now, and 'none' never", () => {
    for (const preset of [7, 30, 60, 90] as const) expect(resolveExpiry(String(preset) as "7", undefined, NOW, null)).toEqual({ ok: true, expiresAt: days(preset) });
    expect(resolveExpiry("none", undefined, NOW, null)).toEqual({ ok: true, expiresAt: null });
  });

  it("ends a custom date at the end of that day (UTC), from tomorrow up to a year ahead", () => {
    expect(resolveExpiry("custom", "2026-06-16", NOW, null)).toEqual({ ok: true, expiresAt: new Date("2026-06-17T00:00:00.000Z") });
    expect(resolveExpiry("custom", "2027-06-15", NOW, null)).toEqual({ ok: true, expiresAt: new Date("2027-06-16T00:00:00.000Z") });
    expect(resolveExpiry("custom", "2027-06-16", NOW, null)).toEqual({ ok: false, message: EXPIRY_MESSAGES.customTooFar });
    expect(resolveExpiry("custom", "2026-06-15", NOW, null)).toEqual({ ok: false, message: EXPIRY_MESSAGES.customPast });
    expect(resolveExpiry("custom", "2020-01-01", NOW, null)).toEqual({ ok: false, message: EXPIRY_MESSAGES.customPast });
  });

  it("refuses dates that are not real calendar dates", () => {
    for (const value of ["", "2026-02-30", "2026-13-01", "tomorrow", "2026-6-20", "2026-06-20T00:00"]) {
      expect(resolveExpiry("custom", value, NOW, null)).toEqual({ ok: false, message: EXPIRY_MESSAGES.customDate });
    }
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00.000Z"));
  });

  it("holds every choice to the administrator's cap, with a message naming it", () => {
    expect(resolveExpiry("30", undefined, NOW, 30)).toEqual({ ok: true, expiresAt: days(30) });
    expect(resolveExpiry("60", undefined, NOW, 30)).toEqual({ ok: false, message: EXPIRY_MESSAGES.capped(30) });
    expect(resolveExpiry("none", undefined, NOW, 365)).toEqual({ ok: false, message: EXPIRY_MESSAGES.capped(365) });
    expect(resolveExpiry("custom", "2026-07-15", NOW, 30)).toEqual({ ok: true, expiresAt: new Date("2026-07-16T00:00:00.000Z") });
    expect(resolveExpiry("custom", "2026-07-16", NOW, 30)).toEqual({ ok: false, message: EXPIRY_MESSAGES.capped(30) });
    expect(EXPIRY_MESSAGES.capped(30)).toBe("An administrator limits tokens to 30 days. Choose an expiry within 30 days.");
  });

  it("offers 30 days first, or the longest preset within the cap", () => {
    expect(defaultExpiryChoice(null)).toBe("30");
    expect(defaultExpiryChoice(90)).toBe("30");
    expect(defaultExpiryChoice(7)).toBe("7");
    expect(choiceAllowed("none", null)).toBe(true);
    expect(choiceAllowed("none", 365)).toBe(false);
    expect(choiceAllowed("90", 60)).toBe(false);
    expect(choiceAllowed("custom", 7)).toBe(true);
  });
});

describe("how an expiry reads in the list", () => {
  it("says never, expired, or when", () => {
    expect(formatExpiry(null, NOW)).toBe("Never expires");
    expect(formatExpiry(days(-1), NOW)).toBe("Expired");
    expect(formatExpiry(NOW, NOW)).toBe("Expired");
    expect(formatExpiry(days(3), NOW)).toBe("Expires in 3 days");
    expect(formatExpiry(days(30), NOW)).toBe("Expires in 30 days");
  });

  it("flags tokens expiring within seven days", () => {
    expect(expiryState(null, NOW)).toBe("never");
    expect(expiryState(days(7), NOW)).toBe("expiring");
    expect(expiryState(days(8), NOW)).toBe("active");
    expect(expiryState(days(-1), NOW)).toBe("expired");
  });

  it("marks tokens unused for 90 days, but not new ones", () => {
    expect(isUnused({ createdAt: days(-100), lastUsedAt: null }, NOW)).toBe(true);
    expect(isUnused({ createdAt: days(-100), lastUsedAt: days(-91) }, NOW)).toBe(true);
    expect(isUnused({ createdAt: days(-100), lastUsedAt: days(-10) }, NOW)).toBe(false);
    expect(isUnused({ createdAt: days(-10), lastUsedAt: null }, NOW)).toBe(false);
  });
});
