// Tokens made directly in the database for API tests, exactly as the token module stores them.
import { generateToken, formatToken } from "../../lib/tokens/server/format";
import { hashSecret } from "../../lib/tokens/server/hash";
import { testDb } from "./db";

export type TestToken = { token: string; tokenId: string; secret: string };

export async function createTestToken(userId: string, options: { name?: string; expiresAt?: Date | null; revoked?: boolean } = {}): Promise<TestToken> {
  const { tokenId, secret, token } = generateToken();
  const name = options.name ?? `test token ${tokenId}`;
  await testDb().apiToken.create({
    data: {
      id: tokenId,
      userId,
      name,
      nameSearch: name.toLowerCase(),
      secretHash: hashSecret(secret),
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revoked ? new Date() : null,
      revokedReason: options.revoked ? "owner" : null,
    },
  });
  return { token, tokenId, secret };
}

/** A well-formed token (valid checksum) with the same ID and a different secret. */
export function withWrongSecret({ tokenId, secret }: TestToken): string {
  const other = secret.startsWith("A") ? `B${secret.slice(1)}` : `A${secret.slice(1)}`;
  return formatToken(tokenId, other);
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
