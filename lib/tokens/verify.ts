import "server-only";
import type { UserAccess } from "../access/user-access";
import { rawReader } from "../db/client";
import { parseToken } from "./format";
import { secretMatches } from "./hash";

export type VerifiedToken = {
  tokenId: string;
  tokenName: string;
  lastUsedAt: Date | null;
  /** The address and user agent of the last recorded use, so that an unchanged one costs no write. */
  lastUsedAddress: string | null;
  lastUsedUserAgent: string | null;
  owner: UserAccess;
};

// One statement reads the token, its owner, the owner's permissions and groups: one round trip on every
// API request, and one consistent snapshot, so nothing served is older than the last committed change.
// Rows: kind 't' (token and owner), 'p' (a permission in a), 'g' (a group: id in a, name in b), as arrays
// of the columns in the SELECT's order. Plain SQL that SQLite and PostgreSQL both run, parameterised by
// the token ID.
type Row = [
  kind: "t" | "p" | "g",
  a: string | null,
  b: string | null,
  revokedAt: unknown,
  expiresAt: unknown,
  lastUsedAt: unknown,
  previousSecretHash: string | null,
  previousSecretExpiresAt: unknown,
  lastUsedAddress: string | null,
  lastUsedUserAgent: string | null,
  userId: string | null,
  email: string | null,
  userName: string | null,
  area: string | null,
  active: unknown,
];

const TOKEN_AND_OWNER_SQL = `
  SELECT 't' AS kind, t."name" AS a, t."secretHash" AS b, t."revokedAt" AS "revokedAt", t."expiresAt" AS "expiresAt",
         t."lastUsedAt" AS "lastUsedAt", t."previousSecretHash" AS "previousSecretHash",
         t."previousSecretExpiresAt" AS "previousSecretExpiresAt", t."lastUsedAddress" AS "lastUsedAddress",
         t."lastUsedUserAgent" AS "lastUsedUserAgent", u."id" AS "userId", u."email" AS email, u."name" AS "userName", u."area" AS area, u."active" AS active
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
   WHERE t."id" = $1
  UNION ALL
  SELECT 'p', rp."permission", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM "ApiToken" t JOIN "UserRole" ur ON ur."userId" = t."userId" JOIN "RolePermission" rp ON rp."roleId" = ur."roleId"
   WHERE t."id" = $1
  UNION ALL
  SELECT 'g', g."id", g."name", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM "ApiToken" t JOIN "UserGroup" ug ON ug."userId" = t."userId" JOIN "VisibilityGroup" g ON g."id" = ug."groupId"
   WHERE t."id" = $1`;

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The token and its owner's live access when the token is genuine, unrevoked, unexpired and its owner
 * active; null for every other case alike, so callers cannot tell the reasons apart.
 */
export async function verifyToken(token: string, now: Date = new Date()): Promise<VerifiedToken | null> {
  // Format and checksum first: malformed tokens never reach the database.
  const parsed = parseToken(token);
  if (!parsed) return null;
  const rows = await rawReader.all<Row>(TOKEN_AND_OWNER_SQL, [parsed.tokenId]);
  const head = rows.find((row) => row[0] === "t");
  if (!head) return null;
  const [, tokenName, secretHash, revokedAt, expiresAtValue, lastUsedAt, previousSecretHash, previousSecretExpiresAt, lastUsedAddress, lastUsedUserAgent, userId, email, userName, area, activeValue] = head;
  if (!secretHash) return null;
  // After a regeneration the previous secret keeps working until its overlap ends, and not a moment later.
  const previousUntil = toDate(previousSecretExpiresAt);
  const secretOk =
    secretMatches(parsed.secret, secretHash) ||
    (previousSecretHash !== null && previousUntil !== null && previousUntil > now && secretMatches(parsed.secret, previousSecretHash));
  const expiresAt = toDate(expiresAtValue);
  const active = activeValue === true || activeValue === 1 || activeValue === 1n;
  if (!secretOk || toDate(revokedAt) || (expiresAt && expiresAt <= now) || !active) return null;
  const permissions = [...new Set(rows.filter((row) => row[0] === "p").map((row) => row[1] as string))].sort();
  const groups = rows
    .filter((row) => row[0] === "g")
    .map((row) => ({ id: row[1] as string, name: row[2] as string }))
    .sort((x, y) => x.name.localeCompare(y.name));
  return {
    tokenId: parsed.tokenId,
    tokenName: tokenName ?? "",
    lastUsedAt: toDate(lastUsedAt),
    lastUsedAddress,
    lastUsedUserAgent,
    owner: { id: userId!, email: email!, name: userName!, area: area === "partner" ? "partner" : "staff", active, permissions, groups },
  };
}
