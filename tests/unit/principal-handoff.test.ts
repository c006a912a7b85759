import { describe, expect, it } from "vitest";
import { claimPrincipal, issuePrincipal, waitingPrincipals, type Principal } from "@/lib/api/principal";

const principal: Principal = {
  tokenId: "4kQ9x2LmZr8T",
  tokenName: "integration",
  user: { id: "u1", email: "analyst@example.com", name: "Ann Analyst" },
  permissions: ["orders:read"],
  groups: [{ id: "g1", name: "EMEA" }],
};

describe("principal handoff from middleware to route handler", () => {
  it("hands the principal to the one handler that claims it, once", () => {
    const handle = issuePrincipal(principal);
    expect(claimPrincipal(handle)).toEqual(principal);
    // Spent: a second claim (a replay of the header) gets nothing.
    expect(claimPrincipal(handle)).toBeNull();
  });

  it("gives nothing for a missing, guessed or malformed handle", () => {
    issuePrincipal(principal);
    for (const value of [null, "", "anything", crypto.randomUUID(), "00000000-0000-4000-8000-000000000000"]) {
      expect(claimPrincipal(value)).toBeNull();
    }
  });

  it("uses random handles that reveal nothing of the principal", () => {
    const handles = new Set(Array.from({ length: 1000 }, () => issuePrincipal(principal)));
    expect(handles.size).toBe(1000);
    for (const handle of handles) {
      expect(handle).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      claimPrincipal(handle);
    }
  });

  it("refuses a principal claimed after 30 seconds, and spends its handle", () => {
    const issuedAt = Date.now();
    const late = issuePrincipal(principal, issuedAt);
    expect(claimPrincipal(late, issuedAt + 30_001)).toBeNull();
    expect(claimPrincipal(late, issuedAt)).toBeNull();
    const onTime = issuePrincipal(principal, issuedAt);
    expect(claimPrincipal(onTime, issuedAt + 29_999)).toEqual(principal);
  });

  it("drops principals nobody claimed, so memory stays bounded", () => {
    const start = Date.now();
    const before = waitingPrincipals();
    const unclaimed = Array.from({ length: 500 }, () => issuePrincipal(principal, start));
    expect(waitingPrincipals()).toBe(before + 500);
    // The next issue after they expired sweeps them all.
    const fresh = issuePrincipal(principal, start + 60_000);
    expect(waitingPrincipals()).toBe(1);
    for (const handle of unclaimed) expect(claimPrincipal(handle, start)).toBeNull();
    expect(claimPrincipal(fresh, start + 60_000)).toEqual(principal);
  });

  it("never keeps more than 100,000 waiting: the oldest go first", () => {
    const now = Date.now();
    const first = issuePrincipal(principal, now);
    for (let i = 0; i < 100_000; i++) issuePrincipal(principal, now);
    expect(waitingPrincipals()).toBe(100_000);
    expect(claimPrincipal(first, now)).toBeNull();
    // Empty the map for the other tests (a sweep after expiry).
    claimPrincipal(issuePrincipal(principal, now + 60_000), now + 60_000);
    expect(waitingPrincipals()).toBe(0);
  });
});
