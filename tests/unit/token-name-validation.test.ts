import { describe, expect, it } from "vitest";
import { generateTokenSchema, nameLength, parseGenerateTokenForm, revokeTokenSchema, TOKEN_NAME_MAX, TOKEN_NAME_MESSAGES, tokenNameSchema } from "@/lib/tokens/shared/validation";

function form(name?: string | Blob): FormData {
  const data = new FormData();
  if (name !== undefined) data.set("name", name);
  return data;
}

function errorOf(value: unknown): string | undefined {
  const result = tokenNameSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("token name", () => {
  it("accepts a name and trims surrounding whitespace", () => {
    expect(tokenNameSchema.parse("CI deploys")).toBe("CI deploys");
    expect(tokenNameSchema.parse("  CI deploys \u00a0")).toBe("CI deploys");
  });

  it("keeps inner spacing, HTML and every script exactly as typed", () => {
    for (const name of ["a  b", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Пример 例子 مثال", "🚀 deploy 👩‍💻", "x"]) {
      expect(tokenNameSchema.parse(name)).toBe(name);
    }
  });

  it("asks for a name when it is empty or missing", () => {
    expect(errorOf("")).toBe(TOKEN_NAME_MESSAGES.required);
    expect(errorOf(undefined)).toBe(TOKEN_NAME_MESSAGES.required);
    expect(errorOf(null)).toBe(TOKEN_NAME_MESSAGES.required);
    expect(errorOf(42)).toBe(TOKEN_NAME_MESSAGES.required);
  });

  it("refuses a name of only whitespace, with its own message", () => {
    for (const blank of [" ", "     ", "\u00a0\u3000", " \t "]) expect(errorOf(blank)).toBe(TOKEN_NAME_MESSAGES.blank);
  });

  it("allows exactly 100 characters and refuses 101", () => {
    expect(tokenNameSchema.parse("a".repeat(TOKEN_NAME_MAX))).toHaveLength(100);
    expect(errorOf("a".repeat(TOKEN_NAME_MAX + 1))).toBe(TOKEN_NAME_MESSAGES.tooLong);
    expect(TOKEN_NAME_MESSAGES.tooLong).toContain("100 characters");
  });

  it("measures the length after trimming", () => {
    expect(tokenNameSchema.parse(`  ${"a".repeat(100)}  `)).toHaveLength(100);
  });

  it("counts code points, so 100 emoji or astral characters fit and 101 do not", () => {
    const rocket = "🚀"; // two UTF-16 units, one code point
    expect(nameLength(rocket.repeat(100))).toBe(100);
    expect(tokenNameSchema.parse(rocket.repeat(100))).toBe(rocket.repeat(100));
    expect(errorOf(rocket.repeat(101))).toBe(TOKEN_NAME_MESSAGES.tooLong);
    expect(tokenNameSchema.parse("𝔘".repeat(100))).toBe("𝔘".repeat(100));
    expect(tokenNameSchema.parse("日".repeat(100))).toBe("日".repeat(100));
  });

  it("refuses control characters inside the name", () => {
    for (const name of ["line\nbreak", "tab\there", "nul\u0000byte", "del\u007f"]) expect(errorOf(name)).toBe(TOKEN_NAME_MESSAGES.controlCharacters);
  });
});

const NOW = new Date("2026-06-15T12:00:00Z");
const NO_CAP = { now: NOW, maxLifetimeDays: null };

describe("the generate form", () => {
  it("reads the name from form data, trimmed", () => {
    expect(parseGenerateTokenForm(form("  deploy bot "), NO_CAP)).toEqual({ success: true, name: "deploy bot", expiresAt: new Date("2026-07-15T12:00:00Z") });
  });

  it("returns field errors keyed by field for useActionState", () => {
    expect(parseGenerateTokenForm(form(""), NO_CAP)).toEqual({ success: false, errors: { name: [TOKEN_NAME_MESSAGES.required] } });
    expect(parseGenerateTokenForm(form(), NO_CAP)).toEqual({ success: false, errors: { name: [TOKEN_NAME_MESSAGES.required] } });
    expect(parseGenerateTokenForm(form("   "), NO_CAP)).toEqual({ success: false, errors: { name: [TOKEN_NAME_MESSAGES.blank] } });
    expect(parseGenerateTokenForm(form("a".repeat(101)), NO_CAP)).toEqual({ success: false, errors: { name: [TOKEN_NAME_MESSAGES.tooLong] } });
  });

  it("refuses a file where the name should be", () => {
    expect(parseGenerateTokenForm(form(new Blob(["x"])), NO_CAP)).toEqual({ success: false, errors: { name: [TOKEN_NAME_MESSAGES.required] } });
  });

  it("ignores fields it does not know", () => {
    expect(generateTokenSchema.parse({ name: "n", expiry: "7", userId: "someone-else" })).toEqual({ name: "n", expiry: "7" });
  });
});

describe("the revoke input", () => {
  it("accepts only a 12-character base62 token ID", () => {
    expect(revokeTokenSchema.safeParse({ tokenId: "4kQ9x2LmZr8T" }).success).toBe(true);
    for (const tokenId of ["", "short", "4kQ9x2LmZr8T1", "4kQ9x2LmZr8-", null, 7]) expect(revokeTokenSchema.safeParse({ tokenId }).success).toBe(false);
  });
});
