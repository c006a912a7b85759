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
// It returns one value, a JSON array of the columns in this order, the permissions and the groups nested
// as arrays: each column of a result costs the PostgreSQL driver a parser set up on every query, and one
// JSON value measured under half the driver's CPU time of the earlier 15-column, four-row result.
// Parameterised by the token ID; the JSON functions' names are the only words that differ between SQLite
// and PostgreSQL.
type Row = [
  name: string,
  secretHash: string | null,
  revokedAt: string | number | null,
  expiresAt: string | number | null,
  lastUsedAt: string | number | null,
  previousSecretHash: string | null,
  previousSecretExpiresAt: string | number | null,
  lastUsedAddress: string | null,
  lastUsedUserAgent: string | null,
  userId: string,
  email: string,
  userName: string,
  area: string,
  active: boolean | number,
  permissions: string[] | null,
  groups: [id: string, name: string][] | null,
];

const JSON_FUNCTIONS = {
  // json(): SQLite nests a subquery's JSON as JSON only when told to, and as a string otherwise.
  sqlite: { array: "json_array", arrayOf: "json_group_array", nested: "json" },
  postgresql: { array: "json_build_array", arrayOf: "json_agg", nested: "" },
};

function tokenAndOwnerSql(dialect: keyof typeof JSON_FUNCTIONS): string {
  const { array, arrayOf, nested } = JSON_FUNCTIONS[dialect];
  return `
  SELECT ${array}(
           t."name", t."secretHash", t."revokedAt", t."expiresAt", t."lastUsedAt", t."previousSecretHash",
           t."previousSecretExpiresAt", t."lastUsedAddress", t."lastUsedUserAgent",
           u."id", u."email", u."name", u."area", u."active",
           ${nested}((SELECT ${arrayOf}(rp."permission")
              FROM "UserRole" ur JOIN "RolePermission" rp ON rp."roleId" = ur."roleId"
             WHERE ur."userId" = u."id")),
           ${nested}((SELECT ${arrayOf}(${array}(g."id", g."name"))
              FROM "UserGroup" ug JOIN "VisibilityGroup" g ON g."id" = ug."groupId"
             WHERE ug."userId" = u."id")))
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
   WHERE t."id" = $1`;
}

const TOKEN_AND_OWNER_SQL = tokenAndOwnerSql(rawReader.dialect);

// A timestamp in the JSON: SQLite's stored text carries its zone; PostgreSQL's "timestamp without time
// zone" (which Prisma fills with UTC) carries none, and Date.parse would take it as local time.
const HAS_ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;

/** A timestamp as milliseconds since the epoch (Date objects are avoided: Next.js wraps the constructor). */
function epochMs(value: string | number | null): number | null {
  if (value === null) return null;
  const ms = typeof value === "number" ? value : Date.parse(HAS_ZONE.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The token and its owner's live access when the token is genuine, unrevoked, unexpired and its owner
 * active; null for every other case alike, so callers cannot tell the reasons apart.
 */
export async function verifyToken(token: string, now: Date = new Date()): Promise<VerifiedToken | null> {
  // Format and checksum first: malformed tokens never reach the database.
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [result] = await rawReader.all<[Row | string]>(TOKEN_AND_OWNER_SQL, [parsed.tokenId]);
  if (!result) return null;
  // SQLite returns the JSON as text; the PostgreSQL driver parses it.
  const row: Row = typeof result[0] === "string" ? JSON.parse(result[0]) : result[0];
  const [tokenName, secretHash, revokedAt, expiresAtValue, lastUsedAtValue, previousSecretHash, previousSecretExpiresAt, lastUsedAddress, lastUsedUserAgent, userId, email, userName, area, activeValue, permissionList, groupList] = row;
  if (!secretHash) return null;
  const nowMs = now.getTime();
  // After a regeneration the previous secret keeps working until its overlap ends, and not a moment later.
  const previousUntil = epochMs(previousSecretExpiresAt);
  const secretOk =
    secretMatches(parsed.secret, secretHash) ||
    (previousSecretHash !== null && previousUntil !== null && previousUntil > nowMs && secretMatches(parsed.secret, previousSecretHash));
  const expiresAt = epochMs(expiresAtValue);
  const active = activeValue === true || activeValue === 1;
  if (!secretOk || epochMs(revokedAt) !== null || (expiresAt !== null && expiresAt <= nowMs) || !active) return null;
  // Two roles may grant the same permission.
  const permissions = [...new Set(permissionList ?? [])].sort();
  const groups = (groupList ?? []).map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name));
  const lastUsedAt = epochMs(lastUsedAtValue);
  return {
    tokenId: parsed.tokenId,
    tokenName,
    lastUsedAt: lastUsedAt === null ? null : new Date(lastUsedAt),
    lastUsedAddress,
    lastUsedUserAgent,
    owner: { id: userId, email, name: userName, area: area === "partner" ? "partner" : "staff", active, permissions, groups },
  };
}
