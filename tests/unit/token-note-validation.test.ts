import { describe, expect, it } from "vitest";
import { editTokenNoteSchema, TOKEN_NOTE_MAX, TOKEN_NOTE_MESSAGES, tokenNoteSchema } from "@/lib/tokens/shared/validation";

describe("token note", () => {
  it("is trimmed, keeps line breaks as \\n, and is null when empty", () => {
    expect(tokenNoteSchema.parse("  used by CI\r\nsecond line  ")).toBe("used by CI\nsecond line");
    expect(tokenNoteSchema.parse("   \n ")).toBeNull();
    expect(tokenNoteSchema.parse("")).toBeNull();
  });

  it("allows 500 code points and refuses 501", () => {
    expect(tokenNoteSchema.parse("🔑".repeat(TOKEN_NOTE_MAX))).toBe("🔑".repeat(TOKEN_NOTE_MAX));
    const result = tokenNoteSchema.safeParse("a".repeat(TOKEN_NOTE_MAX + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(TOKEN_NOTE_MESSAGES.tooLong);
  });

  it("refuses control characters other than line breaks", () => {
    for (const bad of ["a\tb", "a\u0000b", "a\u007fb", "a\u0085b", "a\fb"]) {
      expect(tokenNoteSchema.safeParse(bad).error?.issues[0].message).toBe(TOKEN_NOTE_MESSAGES.controlCharacters);
    }
  });

  it("needs a well-formed token ID beside it", () => {
    expect(editTokenNoteSchema.safeParse({ tokenId: "ABCDEFGHIJKL", note: "x" }).success).toBe(true);
    expect(editTokenNoteSchema.safeParse({ tokenId: "short", note: "x" }).success).toBe(false);
  });
});
