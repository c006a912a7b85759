// Only a SHA-256 hash of the secret is stored. The secret has 190 bits of entropy, so a fast hash is the
// right tool (a slow password hash would only slow every API request).
import crypto from "node:crypto";

function sha256(secret: string): Buffer {
  return crypto.createHash("sha256").update(secret, "utf8").digest();
}

export function hashSecret(secret: string): string {
  return sha256(secret).toString("hex");
}

/** Compares the secret's hash with the stored one in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = sha256(secret);
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
