// The sudo window: sensitive actions pass for 15 minutes after the password was last typed, not a moment more.
import { describe, expect, it } from "vitest";
import type { CurrentSession } from "@/lib/auth/session";
import { recentlyConfirmed } from "@/lib/auth/sudo";

const T0 = new Date("2026-03-01T08:00:00.000Z");
const session = { user: {}, sessionId: "s", confirmedAt: T0 } as unknown as CurrentSession;
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

describe("recentlyConfirmed", () => {
  it("lets actions through for 15 minutes after the password was typed", () => {
    expect(recentlyConfirmed(session, at(0))).toBe(true);
    expect(recentlyConfirmed(session, at(14, 59))).toBe(true);
  });

  it("asks again from the 15th minute on", () => {
    expect(recentlyConfirmed(session, at(15))).toBe(false);
    expect(recentlyConfirmed(session, at(16))).toBe(false);
  });
});
