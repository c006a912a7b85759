// Delivers the outbox over SMTP: claims due notices (./claim.ts), sends each, and records the outcome. A
// failure (SMTP down, a refused recipient) is retried later with exponential backoff; after the last
// attempt the notice is marked failed and stays listed for the administrators. Delivery is at least once:
// a sender that dies between the SMTP server's acceptance and its own record leaves a lease that runs out,
// and the notice is sent again, which is the only case of a second copy.
import type { Db } from "../db/connect";
import { errorFields, logger } from "../log/logger.mjs";
import { claimDueNotices } from "./claim";
import { retryDelayMs, type DeliverySettings } from "./settings";

export type MailMessage = { from: string; to: string; subject: string; text: string };
export type MailTransport = { sendMail(message: MailMessage): Promise<unknown> };

/** Sends what is due at `now`; returns how many were sent. */
export async function deliverDueNotices(db: Db, transport: MailTransport, settings: DeliverySettings, now: Date = new Date()): Promise<number> {
  const claimed = await claimDueNotices(db, now, settings.leaseMs);
  let sent = 0;
  for (const notice of claimed) {
    try {
      await transport.sendMail({ from: settings.from, to: notice.recipient, subject: notice.subject, text: notice.body });
      await db.notice.update({ where: { id: notice.id }, data: { status: "sent", sentAt: now, leaseUntil: null, lastError: null } });
      sent += 1;
    } catch (error) {
      const gaveUp = notice.attempts >= settings.maxAttempts;
      // The error's class and code only: an SMTP answer can quote the recipient or the message.
      const fields = errorFields(error);
      const summary = String((error as { code?: unknown })?.code ?? (error as Error)?.name ?? "error").slice(0, 100);
      await db.notice.update({
        where: { id: notice.id },
        data: {
          status: gaveUp ? "failed" : "pending",
          leaseUntil: null,
          lastError: summary,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(notice.attempts, settings)),
        },
      });
      logger.warn({ event: gaveUp ? "notice_failed" : "notice_retry", noticeId: notice.id, attempts: notice.attempts, ...fields });
    }
  }
  if (sent > 0) logger.info({ event: "notices_sent", count: sent });
  return sent;
}
