import "server-only";
import { toUserAccess, userAccessSelect, type UserAccess } from "../access/user-access";
import { db } from "../db/client";
import { parseToken } from "./format";
import { secretMatches } from "./hash";

export type VerifiedToken = { tokenId: string; tokenName: string; lastUsedAt: Date | null; owner: UserAccess };

/**
 * The token and its owner's live access when the token is genuine, unrevoked, unexpired and its owner
 * active; null for every other case alike, so callers cannot tell the reasons apart.
 */
export async function verifyToken(token: string, now: Date = new Date()): Promise<VerifiedToken | null> {
  // Format and checksum first: malformed tokens never reach the database.
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await db.apiToken.findUnique({
    where: { id: parsed.tokenId },
    select: {
      name: true,
      secretHash: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: userAccessSelect },
    },
  });
  if (!row) return null;
  const secretOk = secretMatches(parsed.secret, row.secretHash);
  if (!secretOk || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.active) return null;
  return { tokenId: parsed.tokenId, tokenName: row.name, lastUsedAt: row.lastUsedAt, owner: toUserAccess(row.user) };
}
