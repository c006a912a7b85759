// The pure parts of token insight: when a use must be written (once a minute, or on a change of address,
// within a budget), how requests are counted per UTC day, and what each timeline event says.
import { describe, expect, it } from "vitest";
import { describeEvent } from "@/components/tokens/TokenTimeline";
import { hasNewAddress } from "@/lib/tokens/shared/new-address";
import { recentDays, UsageBuffer, utcDay } from "@/lib/tokens/usage/counts-buffer";
import { ADDRESS_WRITES_PER_MINUTE, LastUseMemo, LAST_USED_INTERVAL_MS } from "@/lib/tokens/usage/last-use-memo";

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const never = { lastUsedAt: null, lastUsedAddress: null };

describe("LastUseMemo", () => {
  it("writes a first use, then nothing more from the same address within the minute", () => {
    const memo = new LastUseMemo();
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0)).toBe(true);
    // The row read with the token still says "never": the process's own write is still in flight.
    for (let i = 1; i < 100; i++) expect(memo.shouldWrite("tok", never, "10.0.0.1", T0 + i * 500)).toBe(false);
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0 + LAST_USED_INTERVAL_MS)).toBe(true);
  });

  it("trusts the database again once its own write has settled, so a lost or failed write is retried", () => {
    const memo = new LastUseMemo();
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0)).toBe(true);
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0 + 100)).toBe(false);
    memo.settle("tok", T0);
    // Settled, the row says it was written: nothing to do within the minute.
    expect(memo.shouldWrite("tok", { lastUsedAt: new Date(T0), lastUsedAddress: "10.0.0.1" }, "10.0.0.1", T0 + 200)).toBe(false);
    // Settled, yet the row still says "never" (the write failed): write again.
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0 + 300)).toBe(true);
    // Settling an older decision does not release a newer write still in flight.
    memo.settle("tok", T0);
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0 + 400)).toBe(false);
  });

  it("trusts a newer stamp written by another instance", () => {
    const memo = new LastUseMemo();
    const recorded = { lastUsedAt: new Date(T0 - 1_000), lastUsedAddress: "10.0.0.1" };
    expect(memo.shouldWrite("tok", recorded, "10.0.0.1", T0)).toBe(false);
    expect(memo.shouldWrite("tok", recorded, "10.0.0.1", T0 + LAST_USED_INTERVAL_MS - 1_000)).toBe(true);
  });

  it("writes at once when the address changes", () => {
    const memo = new LastUseMemo();
    const recorded = { lastUsedAt: new Date(T0 - 1_000), lastUsedAddress: "10.0.0.1" };
    expect(memo.shouldWrite("tok", recorded, "10.0.0.2", T0)).toBe(true);
    expect(memo.shouldWrite("tok", recorded, "10.0.0.2", T0 + 10)).toBe(false);
  });

  it("does not write again for an address it wrote within the minute (clients behind a pool of addresses)", () => {
    const memo = new LastUseMemo();
    expect(memo.shouldWrite("tok", never, "10.0.0.1", T0)).toBe(true);
    expect(memo.shouldWrite("tok", never, "10.0.0.2", T0 + 1)).toBe(true);
    for (let i = 2; i < 50; i++) expect(memo.shouldWrite("tok", never, i % 2 ? "10.0.0.2" : "10.0.0.1", T0 + i)).toBe(false);
  });

  it("bounds the writes of a client rotating addresses on every request", () => {
    const memo = new LastUseMemo();
    let writes = 0;
    for (let i = 0; i < 10_000; i++) {
      if (memo.shouldWrite("tok", never, `10.1.${i >> 8}.${i & 255}`, T0 + i)) writes++;
    }
    expect(writes).toBe(1 + ADDRESS_WRITES_PER_MINUTE);
  });

  it("keeps tokens apart", () => {
    const memo = new LastUseMemo();
    expect(memo.shouldWrite("a", never, "10.0.0.1", T0)).toBe(true);
    expect(memo.shouldWrite("b", never, "10.0.0.1", T0)).toBe(true);
  });
});

describe("UsageBuffer", () => {
  it("counts requests per token and UTC day, and hands each count out once", () => {
    const buffer = new UsageBuffer();
    for (let i = 0; i < 5; i++) buffer.add("a", new Date(T0));
    buffer.add("a", new Date(Date.UTC(2026, 10, 29, 23, 59, 59)));
    buffer.add("a", new Date(Date.UTC(2026, 10, 30, 0, 0, 0)));
    buffer.add("b", new Date(T0));
    expect(buffer.drain()).toEqual([
      { tokenId: "a", day: "2026-11-29", count: 6 },
      { tokenId: "a", day: "2026-11-30", count: 1 },
      { tokenId: "b", day: "2026-11-29", count: 1 },
    ]);
    expect(buffer.drain()).toEqual([]);
  });

  it("takes back a batch that could not be written, adding to what came meanwhile", () => {
    const buffer = new UsageBuffer();
    buffer.add("a", new Date(T0));
    const batch = buffer.drain();
    buffer.add("a", new Date(T0));
    buffer.restore(batch);
    expect(buffer.drain()).toEqual([{ tokenId: "a", day: "2026-11-29", count: 2 }]);
  });

  it("lists the last 30 UTC days, today last", () => {
    const days = recentDays(new Date(Date.UTC(2026, 2, 1, 0, 30)), 30);
    expect(days).toHaveLength(30);
    expect(days[29]).toBe("2026-03-01");
    expect(days[28]).toBe("2026-02-28");
    expect(days[0]).toBe("2026-01-31");
    expect(utcDay(new Date(Date.UTC(2026, 0, 1, 23, 59)))).toBe("2026-01-01");
  });
});

describe("timeline labels", () => {
  it("names every kind of event", () => {
    expect(describeEvent({ kind: "created", detail: "never" })).toEqual({ label: "Created", note: "no expiry" });
    expect(describeEvent({ kind: "created", detail: "2027-01-05T00:00:00.000Z" }).note).toBe("expires 5 Jan 2027");
    expect(describeEvent({ kind: "regenerated", detail: "3600" })).toEqual({ label: "Regenerated", note: "the previous secret kept working for 1 hour" });
    expect(describeEvent({ kind: "regenerated", detail: "0" }).note).toBe("the previous secret stopped at once");
    expect(describeEvent({ kind: "revoked", detail: "owner" }).label).toBe("Revoked by you");
    expect(describeEvent({ kind: "revoked", detail: "reported" }).label).toBe("Revoked: reported as exposed");
    expect(describeEvent({ kind: "new_address", detail: "203.0.113.7" }).label).toBe("First used from 203.0.113.7");
    expect(describeEvent({ kind: "owner_deactivated", detail: null }).label).toBe("Owner deactivated");
    expect(describeEvent({ kind: "owner_reactivated", detail: null }).label).toBe("Owner reactivated");
  });
});

describe("the list's new-address flag", () => {
  it("lasts seven days", () => {
    const now = new Date(T0);
    expect(hasNewAddress({ newAddressAt: null }, now)).toBe(false);
    expect(hasNewAddress({ newAddressAt: new Date(T0 - 6 * 86_400_000) }, now)).toBe(true);
    expect(hasNewAddress({ newAddressAt: new Date(T0 - 7 * 86_400_000) }, now)).toBe(false);
  });
});
