import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript module used by the production server, which cannot load TypeScript
import { requestIdFor } from "../../scripts/request-id.mjs";

describe("request IDs", () => {
  it("keep a client's safe ID of 1 to 128 characters", () => {
    for (const id of ["a", "req-1.2:3_X", "Z".repeat(128)]) expect(requestIdFor(id)).toBe(id);
    expect(requestIdFor(["first", "second"])).toBe("first");
  });

  it("replace anything else with a new random one", () => {
    const values = [undefined, "", "a b", "x".repeat(129), "line\nbreak", "quote\"", "ümlaut", "semi;colon", "a/b"];
    const ids = values.map((value) => requestIdFor(value));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(values.length);
  });
});
