import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { BASE62, checksumOf, crc32, formatToken, generateToken, maskToken, parseToken, randomBase62, toBase62, TOKEN_LENGTH } from "@/lib/tokens/server/format";
import { hashSecret, secretMatches } from "@/lib/tokens/server/hash";

describe("token format", () => {
  it("generates pat_ + 12-character ID + _ + 32-character secret + 6-character checksum", () => {
    const { token, tokenId, secret } = generateToken();
    expect(token).toMatch(/^pat_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(token.slice(4, 16)).toBe(tokenId);
    expect(token.slice(17, 49)).toBe(secret);
  });

  it("checksums with CRC32 (zlib polynomial) of everything before it, in base62, padded to 6", () => {
    const body = "pat_4kQ9x2LmZr8T_yR3abcdefghijklmnopqrstuvwxyzABC";
    const expected = zlib.crc32(Buffer.from(body));
    expect(crc32(body)).toBe(expected);
    expect(crc32("123456789")).toBe(0xcbf43926); // the standard CRC32 check value
    let value = 0;
    for (const char of checksumOf(body)) value = value * 62 + BASE62.indexOf(char);
    expect(value).toBe(crc32(body));
    expect(toBase62(0, 6)).toBe("000000");
    expect(toBase62(61, 6)).toBe("00000z");
    expect(toBase62(62, 6)).toBe("000010");
    expect(toBase62(0xffffffff, 6)).toBe("4gfFC3");
  });

  it("parses its own tokens and refuses any change", () => {
    const { token, tokenId, secret } = generateToken();
    expect(parseToken(token)).toEqual({ tokenId, secret });
    for (let i = 0; i < token.length; i++) {
      const replacement = token[i] === "a" ? "b" : "a";
      const altered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(parseToken(altered)).toBeNull();
    }
    expect(parseToken(token + "x")).toBeNull();
    expect(parseToken(token.slice(1))).toBeNull();
    expect(parseToken("")).toBeNull();
    expect(parseToken(token.replace("pat_", "pot_"))).toBeNull();
  });

  it("formats a known ID and secret deterministically", () => {
    const token = formatToken("AAAAAAAAAAAA", "B".repeat(32));
    expect(token.startsWith("pat_AAAAAAAAAAAA_" + "B".repeat(32))).toBe(true);
    expect(parseToken(token)).not.toBeNull();
  });

  it("draws IDs and secrets uniformly from the whole base62 alphabet", () => {
    const counts = new Map<string, number>();
    const sample = randomBase62(62_000);
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const count of counts.values()) expect(count).toBeGreaterThan(800); // expected 1000 each
    const ids = new Set(Array.from({ length: 10_000 }, () => generateToken().tokenId));
    expect(ids.size).toBe(10_000);
  });

  it("masks to the ID only, never a character of the secret", () => {
    const { tokenId, secret } = generateToken();
    const masked = maskToken(tokenId);
    expect(masked.startsWith(`pat_${tokenId}_`)).toBe(true);
    expect(masked).not.toContain(secret.slice(0, 4));
  });
});

describe("secret hashing", () => {
  it("stores SHA-256 hex and compares in constant time", () => {
    const hash = hashSecret("s3cret");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches("s3cret", hash)).toBe(true);
    expect(secretMatches("s3creT", hash)).toBe(false);
    expect(secretMatches("s3cret", "00")).toBe(false);
  });
});
