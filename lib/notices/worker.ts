import "server-only";
// The notice jobs every instance runs in the background, started with the server (lib/startup.ts) and
// stopped at graceful shutdown (lib/shutdown.ts): expiry reminders into the outbox, and delivery of the
// outbox over SMTP when SMTP_URL is set. Both are safe to run on every instance at once (see
// ./reminders.ts and ./claim.ts), so no external cron or leader election is needed.
import { db } from "../db/client";
import { errorFields, logger } from "../log/logger.mjs";
import { processWide } from "../process-state.mjs";
import { queueExpiryReminders } from "./reminders";
import { deliverDueNotices, type MailTransport } from "./sender";
import { deliverySettings } from "./settings";
import { smtpTransport } from "./smtp";

type Job = { timer: NodeJS.Timeout | null; running: Promise<unknown> | null };
type Worker = { jobs: Job[]; stopped: boolean };

const worker = processWide<Worker>("platformNoticeWorker", () => ({ jobs: [], stopped: false }));

function every(intervalMs: number, name: string, work: () => Promise<unknown>): Job {
  const job: Job = { timer: null, running: null };
  const tick = () => {
    // A run that takes longer than the interval is not overlapped by the next one.
    if (job.running || worker.stopped) return;
    job.running = work()
      .catch((error) => logger.error({ event: `${name}_failed`, ...errorFields(error) }))
      .finally(() => (job.running = null));
  };
  job.timer = setInterval(tick, intervalMs);
  // The jobs never keep a process alive on their own.
  job.timer.unref();
  setTimeout(tick, 0).unref();
  return job;
}

export function startNoticeWorker(): void {
  if (worker.jobs.length > 0) return;
  const settings = deliverySettings();
  worker.stopped = false;
  worker.jobs.push(every(settings.reminderIntervalMs, "notice_reminders", () => queueExpiryReminders(db)));
  if (settings.smtpUrl) {
    const transport: MailTransport = smtpTransport(settings.smtpUrl);
    worker.jobs.push(every(settings.pollMs, "notice_delivery", () => deliverDueNotices(db, transport, settings)));
  }
  logger.info({ event: "notice_worker_started", delivery: settings.smtpUrl ? "smtp" : "outbox_only" });
}

/** Stops the timers and waits for a run in progress, so that no delivery is cut off mid-way. */
export async function stopNoticeWorker(): Promise<void> {
  worker.stopped = true;
  for (const job of worker.jobs) if (job.timer) clearInterval(job.timer);
  await Promise.all(worker.jobs.map((job) => job.running));
  worker.jobs = [];
}
