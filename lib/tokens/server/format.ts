// The personal access token format, which integrations and secret scanners rely on (so it never changes):
//   pat_ + 12-character base62 token ID + _ + 32-character base62 secret + 6-character base62 checksum,
// where the checksum is the CRC32 of everything before it. The fixed prefix and the checksum let secret
// scanners recognise real tokens and let the server refuse malformed ones before touching the database.
import crypto from "node:crypto";
import zlib from "node:zlib";

export const TOKEN_PREFIX = "pat_";
export const TOKEN_ID_LENGTH = 12;
export const SECRET_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + TOKEN_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

const TOKEN_PATTERN = /^pat_([0-9A-Za-z]{12})_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;
const TOKEN_ID_PATTERN = /^[0-9A-Za-z]{12}$/;

/** Uniformly random base62 text from the operating system's CSPRNG (rejection sampling, no modulo bias). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      // 248 = 4 * 62: bytes at or above it would make the first characters more likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** CRC32 with the zlib/PNG polynomial over the UTF-8 bytes of the text (Node.js's own, 20.15 and later). */
export function crc32(text: string): number {
  return zlib.crc32(text);
}

/** A number in base62, most significant digit first, left-padded with "0". */
export function toBase62(value: number, width: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}

export function checksumOf(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

export function formatToken(tokenId: string, secret: string): string {
  const body = `${TOKEN_PREFIX}${tokenId}_${secret}`;
  return body + checksumOf(body);
}

export type GeneratedToken = { tokenId: string; secret: string; token: string };

export function generateToken(): GeneratedToken {
  const tokenId = randomBase62(TOKEN_ID_LENGTH);
  const secret = randomBase62(SECRET_LENGTH);
  return { tokenId, secret, token: formatToken(tokenId, secret) };
}

/** The token's ID and secret when it is well formed and its checksum matches; null otherwise. */
export function parseToken(token: string): { tokenId: string; secret: string } | null {
  if (token.length !== TOKEN_LENGTH) return null;
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, tokenId, secret, checksum] = match;
  if (checksumOf(`${TOKEN_PREFIX}${tokenId}_${secret}`) !== checksum) return null;
  return { tokenId, secret };
}

export function isTokenId(value: string): boolean {
  return TOKEN_ID_PATTERN.test(value);
}

/** What lists show: the prefix and token ID, never any part of the secret. */
export function maskToken(tokenId: string): string {
  return `${TOKEN_PREFIX}${tokenId}_${"•".repeat(8)}`;
}
