import { describe, expect, it } from "vitest";
import { hasPermission, isPermission, PERMISSIONS } from "@/lib/access/permissions";
import { canSeeGroup, scopeOf, visibleTo } from "@/lib/access/visibility";

describe("permissions", () => {
  it("grants only what a role lists", () => {
    const analyst = ["orders:read", "products:read"];
    expect(hasPermission(analyst, "orders:read")).toBe(true);
    expect(hasPermission(analyst, "orders:write")).toBe(false);
    expect(hasPermission([], "orders:read")).toBe(false);
  });

  it("knows the catalogue and nothing else", () => {
    expect(PERMISSIONS).toEqual(["orders:read", "orders:write", "products:read", "products:write", "users:manage"]);
    expect(isPermission("users:manage")).toBe(true);
    expect(isPermission("orders:*")).toBe(false);
    expect(isPermission("ORDERS:READ")).toBe(false);
  });
});

describe("visibility", () => {
  const user = { groups: [{ id: "emea" }, { id: "acme" }] };

  it("filters records to the user's groups", () => {
    expect(visibleTo(scopeOf(user))).toEqual({ groupId: { in: ["emea", "acme"] } });
    expect(canSeeGroup(scopeOf(user), "emea")).toBe(true);
    expect(canSeeGroup(scopeOf(user), "apac")).toBe(false);
  });

  it("shows nothing to a user in no group", () => {
    expect(visibleTo(scopeOf({ groups: [] }))).toEqual({ groupId: { in: [] } });
    expect(canSeeGroup(scopeOf({ groups: [] }), "emea")).toBe(false);
  });
});
