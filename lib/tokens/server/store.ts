import "server-only";
import { db } from "../../db/client";
import { DAY_MS, EXPIRING_SOON_DAYS, UNUSED_AFTER_DAYS } from "../shared/expiry";
import { queueNotice } from "../../notices/outbox";
import { recordTokenEvents } from "./events";
import { generateToken, maskToken } from "./format";
import { hashSecret } from "./hash";
import type { TokenStatusFilter } from "../shared/statuses";

// Every function here takes the owner's id and puts it in the query's `where`: a token is only ever
// listed, found or revoked by its owner. Callers pass the id from the session, never from input.

export const TOKEN_PAGE_SIZE = 25;
export { TOKEN_NAME_MAX } from "../shared/validation";

export type TokenListItem = {
  id: string;
  name: string;
  /** The owner's description, shown under the name; null when there is none. */
  note: string | null;
  masked: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  /** Set when the token was last first seen from a new address; the list flags it. */
  newAddressAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  /** While a regeneration's overlap lasts, when the previous secret stops working. */
  previousSecretExpiresAt: Date | null;
};


export type TokenPage = { tokens: TokenListItem[]; nextCursor: string | null };

export function searchKey(name: string): string {
  return name.toLowerCase();
}

const LIST_SELECT = {
  id: true,
  name: true,
  nameSearch: true,
  note: true,
  noteSearch: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  newAddressAt: true,
  revokedAt: true,
  revokedReason: true,
  previousSecretExpiresAt: true,
} as const;

/**
 * Creates a token for the owner; the plaintext is returned once and never stored. The row and its
 * "created" event are written in one transaction: a crash leaves both or neither.
 */
export async function createToken(ownerId: string, name: string, expiresAt: Date | null = null): Promise<{ token: string; item: TokenListItem }> {
  // A collision of two 12-character random IDs is astronomically unlikely; the primary key would refuse it.
  const { tokenId, secret, token } = generateToken();
  const at = new Date();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { id: tokenId, userId: ownerId, name, nameSearch: searchKey(name), secretHash: hashSecret(secret), createdAt: at, expiresAt },
      select: LIST_SELECT,
    });
    await tx.tokenEvent.create({ data: { tokenId, kind: "created", detail: expiresAt ? expiresAt.toISOString() : "never", createdAt: at } });
    await queueNotice(tx, { kind: "token_created", tokenId, at });
    return created;
  });
  const { nameSearch: _search, noteSearch: _noteSearch, ...item } = row;
  return { token, item: { ...item, masked: maskToken(row.id) } };
}

// Keyset cursor over (createdAt desc, id desc): "<createdAt ms>.<id>".
function encodeCursor(item: { createdAt: Date; id: string }): string {
  return `${item.createdAt.getTime()}.${item.id}`;
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = /^(\d{1,15})\.([0-9A-Za-z]{12})$/.exec(cursor ?? "");
  return match ? { createdAt: new Date(Number(match[1])), id: match[2] } : null;
}

// `contains` becomes SQL LIKE, where % and _ are wildcards (and \ the escape on PostgreSQL); Prisma does not
// escape them and SQLite has no escape without an ESCAPE clause Prisma cannot emit. A filter holding such a
// character therefore lets the database narrow by the literal runs between them and tests the exact
// substring here, reading further batches until the page is full.
const LIKE_SPECIAL = /[%_\\]+/;
const EXACT_FILTER_BATCH = 200;

type Cursor = { createdAt: Date; id: string };

// Every status is a condition on the owner's rows; the (userId, revokedAt, createdAt) index serves them all.
function statusWhere(status: TokenStatusFilter | undefined, now: Date) {
  const notExpired = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  switch (status) {
    case "revoked":
      return [{ revokedAt: { not: null } }];
    case "active":
      return [{ revokedAt: null }, notExpired];
    case "expiring":
      return [{ revokedAt: null }, { expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRING_SOON_DAYS * DAY_MS) } }];
    case "expired":
      return [{ revokedAt: null }, { expiresAt: { lte: now } }];
    case "unused": {
      const threshold = new Date(now.getTime() - UNUSED_AFTER_DAYS * DAY_MS);
      return [{ revokedAt: null }, notExpired, { createdAt: { lte: threshold } }, { OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }] }];
    }
    default:
      return [{ revokedAt: null }];
  }
}

type ListFilter = { status?: TokenStatusFilter; now: Date };

function findActive(ownerId: string, filter: ListFilter, nameParts: string[], after: Cursor | null, take: number) {
  return db.apiToken.findMany({
    where: {
      userId: ownerId,
      AND: [
        ...statusWhere(filter.status, filter.now),
        // The name filter finds a token by its name or its note.
        ...nameParts.map((part) => ({ OR: [{ nameSearch: { contains: part } }, { noteSearch: { contains: part } }] })),
        ...(after ? [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: LIST_SELECT,
  });
}

type ActiveRow = Awaited<ReturnType<typeof findActive>>[number];

async function findMatching(ownerId: string, filter: ListFilter, needle: string, after: Cursor | null, wanted: number): Promise<ActiveRow[]> {
  if (!LIKE_SPECIAL.test(needle)) return findActive(ownerId, filter, needle ? [needle] : [], after, wanted);
  const parts = needle.split(LIKE_SPECIAL).filter(Boolean);
  const matches: ActiveRow[] = [];
  for (let from = after; matches.length < wanted; ) {
    const batch = await findActive(ownerId, filter, parts, from, EXACT_FILTER_BATCH);
    matches.push(...batch.filter((row) => row.nameSearch.includes(needle) || (row.noteSearch ?? "").includes(needle)));
    if (batch.length < EXACT_FILTER_BATCH) break;
    from = batch[batch.length - 1];
  }
  return matches.slice(0, wanted);
}

/** The owner's tokens, newest first, optionally filtered by status and a case-insensitive name substring. */
export async function listTokens(
  ownerId: string,
  options: { query?: string; cursor?: string; limit?: number; status?: TokenStatusFilter; now?: Date } = {},
): Promise<TokenPage> {
  const limit = options.limit ?? TOKEN_PAGE_SIZE;
  const filter = { status: options.status, now: options.now ?? new Date() };
  const rows = await findMatching(ownerId, filter, searchKey(options.query?.trim() ?? ""), decodeCursor(options.cursor), limit + 1);
  const tokens = rows.slice(0, limit).map(({ nameSearch: _search, noteSearch: _noteSearch, ...row }) => ({ ...row, masked: maskToken(row.id) }));
  return { tokens, nextCursor: rows.length > limit ? encodeCursor(tokens[tokens.length - 1]) : null };
}

/** Whether the owner already has a token (not revoked) of this name, compared as the filter compares names. */
export async function ownerHasTokenNamed(ownerId: string, name: string): Promise<boolean> {
  const key = searchKey(name.trim());
  if (!ownerId || !key) return false;
  const row = await db.apiToken.findFirst({ where: { userId: ownerId, nameSearch: key, revokedAt: null }, select: { id: true } });
  return row !== null;
}

/** Revokes the owner's active token; false (and nothing written) when it is not theirs or already gone. */
export async function revokeToken(ownerId: string, tokenId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: ownerId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: "owner" },
    });
    if (count === 1) await recordTokenEvents(tx, [{ tokenId, kind: "revoked", detail: "owner" }]);
    return count === 1;
  });
}

/** Sets or clears the note of the owner's token; false (nothing written) when the token is not theirs. */
export async function updateTokenNote(ownerId: string, tokenId: string, note: string | null): Promise<boolean> {
  if (!ownerId) return false;
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId: ownerId },
    data: { note, noteSearch: note === null ? null : searchKey(note) },
  });
  return count === 1;
}

const REPORT_NOTICE_DAYS = 30;

/** The owner's tokens revoked in the last 30 days because they were reported as exposed, newest first. */
export async function recentlyReportedTokens(ownerId: string, now: Date = new Date()): Promise<{ id: string; name: string; masked: string; revokedAt: Date }[]> {
  const rows = await db.apiToken.findMany({
    where: { userId: ownerId, revokedReason: "reported", revokedAt: { gte: new Date(now.getTime() - REPORT_NOTICE_DAYS * DAY_MS) } },
    orderBy: [{ revokedAt: "desc" }, { id: "desc" }],
    take: 10,
    select: { id: true, name: true, revokedAt: true },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, masked: maskToken(row.id), revokedAt: row.revokedAt! }));
}
