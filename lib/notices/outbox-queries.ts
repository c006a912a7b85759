import "server-only";
// The outbox as administrators read it (Settings › Outgoing mail). Callers check users:manage first.
import { db } from "../db/client";

export const OUTBOX_SHOWN = 100;

export type OutboxEntry = {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
};

export async function latestNotices(): Promise<OutboxEntry[]> {
  return db.notice.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_SHOWN,
    select: { id: true, kind: true, recipient: true, subject: true, body: true, status: true, attempts: true, createdAt: true, sentAt: true, nextAttemptAt: true, lastError: true },
  });
}
