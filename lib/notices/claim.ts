// Claiming notices to deliver, so that with several instances each notice is sent by one of them. A claim
// is a lease: a conditional update that sets `leaseUntil` only where no live lease exists, so of two
// senders racing for a row exactly one updates it. On PostgreSQL the candidates are first locked with
// FOR UPDATE SKIP LOCKED, so concurrent senders take different rows instead of queueing on the same ones.
// A lease that runs out (its sender died mid-delivery) frees the row for another attempt.
import type { Db } from "../db/connect";
import { providerOf, databaseUrl } from "../db/url";

export type ClaimedNotice = { id: string; recipient: string; subject: string; body: string; attempts: number };

const CLAIM_BATCH = 20;

function dueWhere(now: Date) {
  return { status: "pending", nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] };
}

type Tx = Pick<Db, "notice" | "$queryRawUnsafe">;

/** Leases each row whose conditional update this sender wins; returns their ids. */
async function leaseRows(tx: Tx, ids: string[], now: Date, leaseUntil: Date): Promise<string[]> {
  const mine: string[] = [];
  for (const id of ids) {
    const { count } = await tx.notice.updateMany({ where: { id, ...dueWhere(now) }, data: { leaseUntil, attempts: { increment: 1 } } });
    if (count === 1) mine.push(id);
  }
  return mine;
}

async function dueIds(tx: Tx, now: Date): Promise<string[]> {
  const rows = await tx.notice.findMany({ where: dueWhere(now), orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: CLAIM_BATCH, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function claimDueNotices(db: Db, now: Date, leaseMs: number, url: string = databaseUrl()): Promise<ClaimedNotice[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  let claimedIds: string[];
  if (providerOf(url) === "postgresql") {
    claimedIds = await db.$transaction(async (tx) => {
      const ids = await dueIds(tx, now);
      if (ids.length === 0) return [];
      const placeholders = ids.map((_, index) => `$${index + 1}`).join(", ");
      const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Notice" WHERE "id" IN (${placeholders}) FOR UPDATE SKIP LOCKED`, ...ids);
      return leaseRows(tx, locked.map((row) => row.id), now, leaseUntil);
    });
  } else {
    // SQLite has one writer at a time: each conditional update is atomic on its own, and a transaction that
    // reads before it writes could not wait for another process's write.
    claimedIds = await leaseRows(db, await dueIds(db, now), now, leaseUntil);
  }
  if (claimedIds.length === 0) return [];
  return db.notice.findMany({ where: { id: { in: claimedIds } }, select: { id: true, recipient: true, subject: true, body: true, attempts: true } });
}
