import "server-only";
import { db } from "../db/client";
import { generateToken, maskToken } from "./format";
import { hashSecret } from "./hash";

// Every function here takes the owner's id and puts it in the query's `where`: a token is only ever
// listed, found or revoked by its owner. Callers pass the id from the session, never from input.

export const TOKEN_PAGE_SIZE = 25;
export { TOKEN_NAME_MAX } from "./validation";

export type TokenListItem = {
  id: string;
  name: string;
  masked: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

export type TokenPage = { tokens: TokenListItem[]; nextCursor: string | null };

export function searchKey(name: string): string {
  return name.toLowerCase();
}

/** Creates a token for the owner; the plaintext is returned once and never stored. */
export async function createToken(ownerId: string, name: string): Promise<{ token: string; item: TokenListItem }> {
  // A collision of two 12-character random IDs is astronomically unlikely; the primary key would refuse it.
  const { tokenId, secret, token } = generateToken();
  const row = await db.apiToken.create({
    data: { id: tokenId, userId: ownerId, name, nameSearch: searchKey(name), secretHash: hashSecret(secret) },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
  return { token, item: { ...row, masked: maskToken(row.id) } };
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

function findActive(ownerId: string, nameParts: string[], after: Cursor | null, take: number) {
  return db.apiToken.findMany({
    where: {
      userId: ownerId,
      revokedAt: null,
      AND: nameParts.map((part) => ({ nameSearch: { contains: part } })),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, name: true, nameSearch: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

type ActiveRow = Awaited<ReturnType<typeof findActive>>[number];

async function findMatching(ownerId: string, needle: string, after: Cursor | null, wanted: number): Promise<ActiveRow[]> {
  if (!LIKE_SPECIAL.test(needle)) return findActive(ownerId, needle ? [needle] : [], after, wanted);
  const parts = needle.split(LIKE_SPECIAL).filter(Boolean);
  const matches: ActiveRow[] = [];
  for (let from = after; matches.length < wanted; ) {
    const batch = await findActive(ownerId, parts, from, EXACT_FILTER_BATCH);
    matches.push(...batch.filter((row) => row.nameSearch.includes(needle)));
    if (batch.length < EXACT_FILTER_BATCH) break;
    from = batch[batch.length - 1];
  }
  return matches.slice(0, wanted);
}

/** The owner's active tokens, newest first, optionally filtered by a case-insensitive name substring. */
export async function listTokens(ownerId: string, options: { query?: string; cursor?: string; limit?: number } = {}): Promise<TokenPage> {
  const limit = options.limit ?? TOKEN_PAGE_SIZE;
  const rows = await findMatching(ownerId, searchKey(options.query?.trim() ?? ""), decodeCursor(options.cursor), limit + 1);
  const tokens = rows.slice(0, limit).map(({ id, name, createdAt, lastUsedAt, expiresAt }) => ({ id, name, createdAt, lastUsedAt, expiresAt, masked: maskToken(id) }));
  return { tokens, nextCursor: rows.length > limit ? encodeCursor(tokens[tokens.length - 1]) : null };
}

/** Revokes the owner's active token; false (and nothing written) when it is not theirs or already gone. */
export async function revokeToken(ownerId: string, tokenId: string, reason: "owner" | "reported" | "deactivated" = "owner"): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId: ownerId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count === 1;
}
