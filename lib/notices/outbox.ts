// The outbox: a notice is written in the same transaction as the event that causes it, so a mail is never
// sent for something that was rolled back, nor lost for something that happened. The sender (./sender.ts)
// delivers the rows later, on any instance.
import type { Prisma } from "../db/generated/sqlite/client";
import { composeNotice, type NoticeFacts } from "./compose";
import { isOptionalNoticeKind, type NoticeKind } from "./kinds";

type OutboxWriter = Pick<Prisma.TransactionClient, "apiToken" | "notice">;

export type NoticeEvent = {
  kind: NoticeKind;
  tokenId: string;
  at: Date;
  expiresAt?: Date;
  address?: string;
  daysLeft?: number;
  /** Set for a notice that may only ever be written once (a reminder for one threshold). */
  dedupeKey?: string;
};

/**
 * Writes the notice for `event` to the token owner's outbox, unless the owner turned that kind off or is
 * deactivated. Call it after the event's own write in the same transaction: on SQLite a transaction that
 * reads before it writes cannot wait for another writer.
 */
export async function queueNotice(tx: OutboxWriter, event: NoticeEvent): Promise<boolean> {
  const token = await tx.apiToken.findUnique({
    where: { id: event.tokenId },
    select: {
      id: true,
      name: true,
      user: { select: { id: true, email: true, name: true, area: true, active: true, noticeOptOuts: { where: { kind: event.kind }, select: { kind: true } } } },
    },
  });
  if (!token || !token.user.active) return false;
  if (isOptionalNoticeKind(event.kind) && token.user.noticeOptOuts.length > 0) return false;
  const facts: NoticeFacts = { ...event, token: { id: token.id, name: token.name }, owner: token.user };
  const { subject, body } = composeNotice(facts);
  await tx.notice.create({
    data: {
      userId: token.user.id,
      tokenId: token.id,
      kind: event.kind,
      dedupeKey: event.dedupeKey ?? null,
      recipient: token.user.email,
      subject,
      body,
      createdAt: event.at,
      nextAttemptAt: event.at,
    },
  });
  return true;
}
