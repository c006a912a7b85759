import "server-only";
import { rawReader } from "../../db/client";

/** A token and its owner as one statement reads them; timestamps as stored (text on SQLite, text or a number). */
export type TokenRow = {
  id: string;
  name: string;
  secretHash: string | null;
  revokedAt: string | number | null;
  expiresAt: string | number | null;
  lastUsedAt: string | number | null;
  previousSecretHash: string | null;
  previousSecretExpiresAt: string | number | null;
  lastUsedAddress: string | null;
  lastUsedUserAgent: string | null;
  userId: string;
  email: string;
  userName: string;
  area: string;
  active: boolean | number;
  permissions: string[] | null;
  groups: { id: string; name: string }[] | null;
};

// One statement reads the token, its owner, the owner's permissions and groups: one round trip on every
// API request, and one consistent snapshot, so nothing served is older than the last committed change.
// Each token's row is one JSON object, the permissions and the groups nested in it: each column of a result
// costs the PostgreSQL driver a parser set up on every query, and one JSON value measured under half the
// driver's CPU time of the earlier 15-column, four-row result. The token IDs come as one JSON array
// parameter, so that lookups waiting together share a statement (see readTokenRow). The JSON functions'
// names are the only words that differ between SQLite and PostgreSQL.
const JSON_FUNCTIONS = {
  // json(): SQLite nests a subquery's JSON as JSON only when told to, and as a string otherwise.
  sqlite: { object: "json_object", arrayOf: "json_group_array", nested: "json", elements: "SELECT value FROM json_each($1)" },
  postgresql: { object: "json_build_object", arrayOf: "json_agg", nested: "", elements: "SELECT json_array_elements_text($1::json)" },
};

function tokensAndOwnersSql(dialect: keyof typeof JSON_FUNCTIONS): string {
  const { object, arrayOf, nested, elements } = JSON_FUNCTIONS[dialect];
  return `
  SELECT ${object}(
           'id', t."id", 'name', t."name", 'secretHash', t."secretHash", 'revokedAt', t."revokedAt",
           'expiresAt', t."expiresAt", 'lastUsedAt', t."lastUsedAt", 'previousSecretHash', t."previousSecretHash",
           'previousSecretExpiresAt', t."previousSecretExpiresAt", 'lastUsedAddress', t."lastUsedAddress",
           'lastUsedUserAgent', t."lastUsedUserAgent",
           'userId', u."id", 'email', u."email", 'userName', u."name", 'area', u."area", 'active', u."active",
           'permissions', ${nested}((SELECT ${arrayOf}(rp."permission")
              FROM "UserRole" ur JOIN "RolePermission" rp ON rp."roleId" = ur."roleId"
             WHERE ur."userId" = u."id")),
           'groups', ${nested}((SELECT ${arrayOf}(${object}('id', g."id", 'name', g."name"))
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
type Lookup = { tokenId: string; resolve: (row: TokenRow | null) => void; reject: (error: unknown) => void };

const MAX_TOKENS_PER_STATEMENT = 100;
export const STALLED_AFTER_MS = 100;
const waiting: Lookup[] = [];
// Statements in flight and not yet taken for stalled.
let sending = 0;

/** The token's row with its owner, or null when no token has this ID. */
export function readTokenRow(tokenId: string): Promise<TokenRow | null> {
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
    const results = await rawReader.all<[TokenRow | string]>(TOKENS_AND_OWNERS_SQL, [JSON.stringify(ids)]);
    const rows = new Map<string, TokenRow>();
    for (const [value] of results) {
      // SQLite returns the JSON as text; the PostgreSQL driver parses it.
      const row: TokenRow = typeof value === "string" ? JSON.parse(value) : value;
      rows.set(row.id, row);
    }
    for (const lookup of lookups) lookup.resolve(rows.get(lookup.tokenId) ?? null);
  } catch (error) {
    for (const lookup of lookups) lookup.reject(error);
  }
}
