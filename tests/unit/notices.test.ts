// Email notices, driven by an injected clock: expiry reminders at their thresholds, once per token and
// threshold however often and however concurrently the job runs, the owner's opt-outs, and delivery with
// retries and backoff through a transport the test controls. The app's own modules run against a scratch
// database migrated like the app's (SQLite, and PostgreSQL when TEST_DATABASE_URL names one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDatabases, useScratchDatabase, type ScratchDatabase } from "./support/scratch-database";
import { generateToken } from "@/lib/tokens/server/format";
import { hashSecret } from "@/lib/tokens/server/hash";
import type { MailMessage } from "@/lib/notices/sender";
import type { DeliverySettings } from "@/lib/notices/settings";

const databases = scratchDatabases("notices");

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date("2026-03-01T10:00:00.000Z");

const settings: DeliverySettings = {
  smtpUrl: "smtp://unused",
  from: "Platform <no-reply@example.com>",
  pollMs: 1000,
  reminderIntervalMs: 1000,
  retryBaseMs: 60_000,
  maxRetryDelayMs: 10 * 60_000,
  maxAttempts: 3,
  leaseMs: 120_000,
};

describe.each(databases)("on %s", (_provider, scratch) => {
  let database: ScratchDatabase;
  let modules: {
    db: typeof import("@/lib/db/client");
    connect: typeof import("@/lib/db/connect");
    reminders: typeof import("@/lib/notices/reminders");
    sender: typeof import("@/lib/notices/sender");
    claim: typeof import("@/lib/notices/claim");
  };
  let counter = 0;

  beforeAll(async () => {
    database = scratch();
    await useScratchDatabase(database);
    modules = {
      db: await import("@/lib/db/client"),
      connect: await import("@/lib/db/connect"),
      reminders: await import("@/lib/notices/reminders"),
      sender: await import("@/lib/notices/sender"),
      claim: await import("@/lib/notices/claim"),
    };
  });

  afterAll(async () => {
    await modules.db.db.$disconnect();
    await modules.db.rawReader.close();
    delete (globalThis as { platformDatabase?: unknown }).platformDatabase;
    await database.drop();
  });

  async function owner(optOut: string[] = []) {
    counter += 1;
    return modules.db.db.user.create({
      data: { email: `owner${counter}@example.com`, name: `Owner ${counter}`, area: "staff", passwordHash: "unused", noticeOptOuts: { create: optOut.map((kind) => ({ kind })) } },
    });
  }

  async function token(userId: string, expiresAt: Date | null, createdAt: Date = T0) {
    const { tokenId, secret } = generateToken();
    await modules.db.db.apiToken.create({ data: { id: tokenId, userId, name: `reminded ${tokenId}`, nameSearch: "reminded", secretHash: hashSecret(secret), createdAt, expiresAt } });
    return { tokenId, secret };
  }

  const noticesOf = (tokenId: string) => modules.db.db.notice.findMany({ where: { tokenId }, orderBy: { createdAt: "asc" } });

  it("writes each threshold's reminder once, at 7 days, 1 day and at expiry, however often it runs", async () => {
    const user = await owner();
    const expiresAt = new Date(T0.getTime() + 10 * DAY);
    const { tokenId, secret } = await token(user.id, expiresAt);
    const run = (at: number) => modules.reminders.queueExpiryReminders(modules.db.db, new Date(at));

    await run(T0.getTime() + 2 * DAY);
    expect(await noticesOf(tokenId)).toHaveLength(0);

    const sevenBefore = expiresAt.getTime() - 7 * DAY;
    await run(sevenBefore - MINUTE);
    expect(await noticesOf(tokenId)).toHaveLength(0);
    await Promise.all([run(sevenBefore), run(sevenBefore + MINUTE), run(sevenBefore + 2 * MINUTE)]);
    await run(sevenBefore + DAY);
    expect((await noticesOf(tokenId)).map((notice) => notice.subject)).toEqual([expect.stringContaining("expires in 7 days")]);

    await Promise.all([run(expiresAt.getTime() - DAY), run(expiresAt.getTime() - DAY + 1)]);
    await run(expiresAt.getTime() - 1);
    await Promise.all([run(expiresAt.getTime()), run(expiresAt.getTime() + MINUTE)]);
    await run(expiresAt.getTime() + 3 * DAY);
    const notices = await noticesOf(tokenId);
    expect(notices.map((notice) => notice.subject)).toEqual([
      expect.stringContaining("expires in 7 days"),
      expect.stringContaining("expires in 1 day"),
      expect.stringContaining("has expired"),
    ]);
    for (const notice of notices) {
      expect(notice.recipient).toBe(user.email);
      expect(notice.body).toContain(`/admin/settings/api-tokens/${tokenId}`);
      expect(notice.body).not.toContain(secret);
      expect(notice.body).not.toContain(hashSecret(secret));
    }
  });

  it("skips a threshold the token was created past, revoked tokens, and owners who turned reminders off", async () => {
    const user = await owner();
    const week = await token(user.id, new Date(T0.getTime() + 7 * DAY));
    const revoked = await token(user.id, new Date(T0.getTime() + 3 * DAY));
    await modules.db.db.apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: T0 } });
    const quiet = await owner(["token_expiry"]);
    const quietToken = await token(quiet.id, new Date(T0.getTime() + 3 * DAY));

    await modules.reminders.queueExpiryReminders(modules.db.db, new Date(T0.getTime() + MINUTE));
    expect(await noticesOf(week.tokenId)).toHaveLength(0);
    await modules.reminders.queueExpiryReminders(modules.db.db, new Date(T0.getTime() + 6 * DAY + MINUTE));
    expect((await noticesOf(week.tokenId)).map((notice) => notice.subject)).toEqual([expect.stringContaining("expires in 1 day")]);
    expect(await noticesOf(revoked.tokenId)).toHaveLength(0);
    await modules.reminders.queueExpiryReminders(modules.db.db, new Date(T0.getTime() + 3 * DAY));
    expect(await noticesOf(quietToken.tokenId)).toHaveLength(0);
  });

  it("retries a failed delivery after a growing delay, then sends it exactly once", async () => {
    const user = await owner();
    const { tokenId } = await token(user.id, new Date(T0.getTime() + 20 * DAY));
    const notice = await modules.db.db.notice.create({
      data: { userId: user.id, tokenId, kind: "token_created", recipient: user.email, subject: "s", body: "b", createdAt: T0, nextAttemptAt: T0 },
    });
    const delivered: MailMessage[] = [];
    let up = false;
    const transport = {
      async sendMail(message: MailMessage) {
        if (!up) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        delivered.push(message);
      },
    };
    const deliver = (at: number) => modules.sender.deliverDueNotices(modules.db.db, transport, settings, new Date(at));
    const state = () => modules.db.db.notice.findUniqueOrThrow({ where: { id: notice.id } });

    expect(await deliver(T0.getTime())).toBe(0);
    expect(await state()).toMatchObject({ status: "pending", attempts: 1, lastError: "ECONNREFUSED" });
    expect((await state()).nextAttemptAt.getTime()).toBe(T0.getTime() + 60_000);
    // Not before its time.
    expect(await deliver(T0.getTime() + 30_000)).toBe(0);
    expect((await state()).attempts).toBe(1);
    expect(await deliver(T0.getTime() + 60_000)).toBe(0);
    expect((await state()).nextAttemptAt.getTime()).toBe(T0.getTime() + 60_000 + 120_000);

    up = true;
    expect(await deliver(T0.getTime() + 180_000)).toBe(1);
    expect(await deliver(T0.getTime() + 400_000)).toBe(0);
    expect(delivered).toEqual([{ from: settings.from, to: user.email, subject: "s", text: "b" }]);
    expect(await state()).toMatchObject({ status: "sent", attempts: 3, leaseUntil: null });
  });

  it("gives a notice up after the last attempt", async () => {
    const user = await owner();
    const notice = await modules.db.db.notice.create({
      data: { userId: user.id, kind: "token_created", recipient: user.email, subject: "s", body: "b", createdAt: T0, nextAttemptAt: T0, attempts: 2 },
    });
    const transport = { sendMail: async () => Promise.reject(new Error("down")) };
    await modules.sender.deliverDueNotices(modules.db.db, transport, settings, new Date(T0.getTime()));
    expect(await modules.db.db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("lets concurrent senders on separate connections claim each notice once", async () => {
    const user = await owner();
    const at = new Date(T0.getTime() + 365 * DAY);
    await modules.db.db.notice.createMany({
      data: Array.from({ length: 30 }, (_, index) => ({ userId: user.id, kind: "token_created", recipient: user.email, subject: `race ${index}`, body: "b", createdAt: at, nextAttemptAt: at })),
    });
    const clients = [modules.connect.createDb(database.url), modules.connect.createDb(database.url), modules.connect.createDb(database.url)];
    try {
      const claimed: string[] = [];
      for (let round = 0; round < 3; round++) {
        const batches = await Promise.all(clients.map((client) => modules.claim.claimDueNotices(client, at, 60_000, database.url)));
        claimed.push(...batches.flat().filter((notice) => notice.subject.startsWith("race")).map((notice) => notice.id));
      }
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed).toHaveLength(30);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  });
});
