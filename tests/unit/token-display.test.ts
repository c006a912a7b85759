import { describe, expect, it } from "vitest";
import { displayAddress, formatDay, formatLastUsed, formatMoment, NEVER_USED } from "@/lib/tokens/shared/display";
import { readTokenSearchParams } from "@/lib/tokens/shared/search-params";

const now = new Date("2025-03-10T12:00:00Z");

describe("token dates", () => {
  it("says never for a token that was never used", () => {
    expect(formatLastUsed(null, now)).toBe(NEVER_USED);
    expect(NEVER_USED).toBe("never");
  });

  it("says how long ago a token was last used", () => {
    expect(formatLastUsed(new Date("2025-03-05T12:00:00Z"), now)).toBe("5 days ago");
    expect(formatLastUsed(new Date("2025-03-10T11:00:00Z"), now)).toBe("about 1 hour ago");
    expect(formatLastUsed(new Date("2025-03-10T11:59:50Z"), now)).toBe("less than a minute ago");
  });

  it("reads a stamp slightly ahead of this clock as just now, never as the future", () => {
    expect(formatLastUsed(new Date("2025-03-10T12:00:05Z"), now)).toBe("less than a minute ago");
  });

  it("gives the day and the exact moment in UTC", () => {
    expect(formatDay(now)).toBe("10 Mar 2025");
    expect(formatMoment(now)).toBe("10 Mar 2025, 12:00:00 UTC");
  });
});

describe("token page search parameters", () => {
  it("reads the filter and the cursor", () => {
    expect(readTokenSearchParams({ q: " ci ", cursor: "123.abcdefghijkl" })).toEqual({ query: "ci", cursor: "123.abcdefghijkl" });
  });

  it("cuts a filter to the longest token name, counting characters as names do", () => {
    expect(readTokenSearchParams({ q: "a_".repeat(2000) }).query).toBe("a_".repeat(50));
    expect(readTokenSearchParams({ q: "🔑".repeat(150) }).query).toBe("🔑".repeat(100));
    expect(readTokenSearchParams({ q: `${"b".repeat(99)} c` }).query).toBe("b".repeat(99));
    expect(readTokenSearchParams({ q: "c".repeat(100) }).query).toBe("c".repeat(100));
  });

  it("treats empty values as absent and a repeated parameter as its first value", () => {
    expect(readTokenSearchParams({ q: "   ", cursor: "" })).toEqual({ query: undefined, cursor: undefined });
    expect(readTokenSearchParams({ q: ["a", "b"] })).toEqual({ query: "a", cursor: undefined });
    expect(readTokenSearchParams({})).toEqual({ query: undefined, cursor: undefined });
  });
});

describe("client addresses", () => {
  it("shows an IPv4 client reaching a dual-stack server as its IPv4 address, and leaves every other address alone", () => {
    expect(displayAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(displayAddress("::FFFF:203.0.113.7")).toBe("203.0.113.7");
    expect(displayAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(displayAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(displayAddress("::ffff:7f00:1")).toBe("::ffff:7f00:1");
  });
});
