// How the notices are delivered, from the environment (README, Configuration).
function positive(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export type DeliverySettings = {
  /** Unset: nothing is sent, the outbox keeps every notice for the administrators to read. */
  smtpUrl: string | null;
  from: string;
  /** How often each instance looks for notices to deliver. */
  pollMs: number;
  /** How often each instance writes the due expiry reminders. */
  reminderIntervalMs: number;
  /** The first retry's delay; each further retry waits twice as long, up to maxRetryDelayMs. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** After this many failed attempts a notice is given up (status "failed", still listed). */
  maxAttempts: number;
  /** How long a sender holds a notice while it delivers it, before another may try it. */
  leaseMs: number;
};

export function deliverySettings(): DeliverySettings {
  return {
    smtpUrl: process.env.SMTP_URL?.trim() || null,
    from: process.env.MAIL_FROM?.trim() || "Platform <no-reply@localhost>",
    pollMs: positive("NOTICE_POLL_MS", 5_000),
    reminderIntervalMs: positive("NOTICE_REMINDER_INTERVAL_MS", 15 * 60_000),
    retryBaseMs: positive("NOTICE_RETRY_BASE_MS", 30_000),
    maxRetryDelayMs: positive("NOTICE_RETRY_MAX_MS", 60 * 60_000),
    maxAttempts: positive("NOTICE_MAX_ATTEMPTS", 10),
    leaseMs: positive("NOTICE_LEASE_MS", 120_000),
  };
}

/** The wait before the next attempt after `attempts` failed ones: exponential, capped. */
export function retryDelayMs(attempts: number, settings: Pick<DeliverySettings, "retryBaseMs" | "maxRetryDelayMs">): number {
  return Math.min(settings.retryBaseMs * 2 ** Math.max(0, attempts - 1), settings.maxRetryDelayMs);
}
