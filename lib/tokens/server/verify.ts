import "server-only";
import type { UserAccess } from "../../access/user-access";
import { parseToken } from "./format";
import { secretMatches } from "./hash";
import { readTokenRow } from "./token-lookup";

export type VerifiedToken = {
  tokenId: string;
  tokenName: string;
  lastUsedAt: Date | null;
  /** The address and user agent of the last recorded use, so that an unchanged one costs no write. */
  lastUsedAddress: string | null;
  lastUsedUserAgent: string | null;
  owner: UserAccess;
};

// A timestamp in the JSON: SQLite's stored text carries its zone; PostgreSQL's "timestamp without time
// zone" (which Prisma fills with UTC) carries none, and Date.parse would take it as local time.
const HAS_ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;

/**
 * A stored timestamp as milliseconds since the epoch (Date objects are avoided: Next.js wraps the
 * constructor); NaN when it cannot be read (PostgreSQL's 'infinity', a year past 9999, text that is no date).
 * NaN compares false with every number, so each check below is written to refuse the token then.
 */
function epochMs(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(HAS_ZONE.test(value) ? value : `${value}Z`);
}

/**
 * The token and its owner's live access when the token is genuine, unrevoked, unexpired and its owner
 * active; null for every other case alike, so callers cannot tell the reasons apart.
 */
export async function verifyToken(token: string, now: Date = new Date()): Promise<VerifiedToken | null> {
  // Format and checksum first: malformed tokens never reach the database.
  const parsed = parseToken(token);
  if (!parsed) return null;
  const row = await readTokenRow(parsed.tokenId);
  if (!row) return null;
  const { secretHash, previousSecretHash, previousSecretExpiresAt, revokedAt } = row;
  if (!secretHash) return null;
  const nowMs = now.getTime();
  // After a regeneration the previous secret keeps working until its overlap ends, and not a moment later.
  const secretOk =
    secretMatches(parsed.secret, secretHash) ||
    (previousSecretHash !== null && previousSecretExpiresAt !== null && epochMs(previousSecretExpiresAt) > nowMs && secretMatches(parsed.secret, previousSecretHash));
  // Fail closed on every timestamp: any revocation revokes, whatever its value; an expiry or an overlap end
  // that cannot be read has passed.
  const revoked = revokedAt !== null;
  const expired = row.expiresAt !== null && !(epochMs(row.expiresAt) > nowMs);
  const active = row.active === true || row.active === 1;
  if (!secretOk || revoked || expired || !active) return null;
  // Two roles may grant the same permission.
  const permissions = [...new Set(row.permissions ?? [])].sort();
  const groups = [...(row.groups ?? [])].sort((x, y) => x.name.localeCompare(y.name));
  // Only decides whether to stamp again: an unreadable one counts as never.
  const lastUsedAt = row.lastUsedAt === null ? NaN : epochMs(row.lastUsedAt);
  return {
    tokenId: parsed.tokenId,
    tokenName: row.name,
    lastUsedAt: Number.isNaN(lastUsedAt) ? null : new Date(lastUsedAt),
    lastUsedAddress: row.lastUsedAddress,
    lastUsedUserAgent: row.lastUsedUserAgent,
    owner: { id: row.userId, email: row.email, name: row.userName, area: row.area === "partner" ? "partner" : "staff", active, permissions, groups },
  };
}
