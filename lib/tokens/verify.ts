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
// Each token's row is one value, a JSON array of the columns in this order, the permissions and the groups
// nested as arrays: each column of a result costs the PostgreSQL driver a parser set up on every query, and
// one JSON value measured under half the driver's CPU time of the earlier 15-column, four-row result.
// The token IDs come as one JSON array parameter, so that lookups waiting together share a statement
// (see readTokenRow). The JSON functions' names are the only words that differ between SQLite and PostgreSQL.
type Row = [
  id: string,
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
  sqlite: { array: "json_array", arrayOf: "json_group_array", nested: "json", elements: "SELECT value FROM json_each($1)" },
  postgresql: { array: "json_build_array", arrayOf: "json_agg", nested: "", elements: "SELECT json_array_elements_text($1::json)" },
};

function tokensAndOwnersSql(dialect: keyof typeof JSON_FUNCTIONS): string {
  const { array, arrayOf, nested, elements } = JSON_FUNCTIONS[dialect];
  return `
  SELECT ${array}(
           t."id", t."name", t."secretHash", t."revokedAt", t."expiresAt", t."lastUsedAt", t."previousSecretHash",
           t."previousSecretExpiresAt", t."lastUsedAddress", t."lastUsedUserAgent",
           u."id", u."email", u."name", u."area", u."active",
           ${nested}((SELECT ${arrayOf}(rp."permission")
              FROM "UserRole" ur JOIN "RolePermission" rp ON rp."roleId" = ur."roleId"
             WHERE ur."userId" = u."id")),
           ${nested}((SELECT ${arrayOf}(${array}(g."id", g."name"))
              FROM "UserGroup" ug JOIN "VisibilityGroup" g ON g."id" = ug."groupId"
             WHERE ug."userId" = u."id")))
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
   WHERE t."id" IN (${elements})`;
}

const TOKENS_AND_OWNERS_SQL = tokensAndOwnersSql(rawReader.dialect);

// Lookups are sent as they come while no statement is in flight; those that arrive while one is wait for
// it and then go together in one statement. Under load this saves a round trip and the driver's per-query
// work for most requests (on PostgreSQL a query costs the app a socket write and read besides); with no
// load nothing waits. Every statement is sent after each of its lookups was asked for, so none reads a
// snapshot older than its request. A statement still unanswered after STALLED_AFTER_MS (a connection lost
// without a word) stops holding the others back, so one stuck connection delays lookups by that much
// instead of stopping them all. On SQLite the statement runs synchronously, so a lookup waits at most for
// the microtask that ends the one before it.
type Lookup = { tokenId: string; resolve: (row: Row | null) => void; reject: (error: unknown) => void };

const MAX_TOKENS_PER_STATEMENT = 100;
export const STALLED_AFTER_MS = 100;
const waiting: Lookup[] = [];
// Statements in flight and not yet taken for stalled.
let sending = 0;

function readTokenRow(tokenId: string): Promise<Row | null> {
  return new Promise((resolve, reject) => {
    waiting.push({ tokenId, resolve, reject });
    if (sending === 0) sendWaiting();
  });
}

function sendWaiting(): void {
  const lookups = waiting.splice(0, MAX_TOKENS_PER_STATEMENT);
  if (lookups.length === 0) return;
  sending++;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    sending--;
    if (sending === 0) sendWaiting();
  };
  const stalled = setTimeout(release, STALLED_AFTER_MS);
  stalled.unref();
  void readRows(lookups).finally(() => {
    clearTimeout(stalled);
    release();
  });
}

async function readRows(lookups: Lookup[]): Promise<void> {
  try {
    const ids = [...new Set(lookups.map((lookup) => lookup.tokenId))];
    const results = await rawReader.all<[Row | string]>(TOKENS_AND_OWNERS_SQL, [JSON.stringify(ids)]);
    const rows = new Map<string, Row>();
    for (const [value] of results) {
      // SQLite returns the JSON as text; the PostgreSQL driver parses it.
      const row: Row = typeof value === "string" ? JSON.parse(value) : value;
      rows.set(row[0], row);
    }
    for (const lookup of lookups) lookup.resolve(rows.get(lookup.tokenId) ?? null);
  } catch (error) {
    for (const lookup of lookups) lookup.reject(error);
  }
}

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
  const [, tokenName, secretHash, revokedAt, expiresAtValue, lastUsedAtValue, previousSecretHash, previousSecretExpiresAt, lastUsedAddress, lastUsedUserAgent, userId, email, userName, area, activeValue, permissionList, groupList] = row;
  if (!secretHash) return null;
  const nowMs = now.getTime();
  // After a regeneration the previous secret keeps working until its overlap ends, and not a moment later.
  const secretOk =
    secretMatches(parsed.secret, secretHash) ||
    (previousSecretHash !== null && previousSecretExpiresAt !== null && epochMs(previousSecretExpiresAt) > nowMs && secretMatches(parsed.secret, previousSecretHash));
  // Fail closed on every timestamp: any revocation revokes, whatever its value; an expiry or an overlap end
  // that cannot be read has passed.
  const revoked = revokedAt !== null;
  const expired = expiresAtValue !== null && !(epochMs(expiresAtValue) > nowMs);
  const active = activeValue === true || activeValue === 1;
  if (!secretOk || revoked || expired || !active) return null;
  // Two roles may grant the same permission.
  const permissions = [...new Set(permissionList ?? [])].sort();
  const groups = (groupList ?? []).map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name));
  // Only decides whether to stamp again: an unreadable one counts as never.
  const lastUsedAt = lastUsedAtValue === null ? NaN : epochMs(lastUsedAtValue);
  return {
    tokenId: parsed.tokenId,
    tokenName,
    lastUsedAt: Number.isNaN(lastUsedAt) ? null : new Date(lastUsedAt),
    lastUsedAddress,
    lastUsedUserAgent,
    owner: { id: userId, email, name: userName, area: area === "partner" ? "partner" : "staff", active, permissions, groups },
  };
}
