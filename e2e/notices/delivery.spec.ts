// Email notices delivered like production mail: app instances of the test build with SMTP_URL pointing at a
// real SMTP server started here (e2e/support/smtp-sink.ts), on the suite's database. Each notice arrives
// once, at the owner's address, naming the token and never its secret; a reminder is mailed once across two
// instances and a restart; with the SMTP server down nothing is lost and the mail arrives once it is back;
// a kind the owner turned off is never mailed, except the exposed-token notice.
import type { Browser, Page } from "@playwright/test";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { testDb } from "../support/db";
import { expect, signInViaApi, test, uniqueClientAddress, type TestUser } from "../support/fixtures";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "../support/smtp-sink";
import { bearer, createTestToken } from "../support/tokens";
import { generateAndClose, newTokenDialog, TOKEN_AREAS, tokenTable } from "../support/token-pages";
import { parseToken } from "../../lib/tokens/server/format";

// Ports set aside for this file's instances, after the suite's own server.
const BASE_PORT = Number(process.env.TEST_PORT ?? 3100) + 22;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

// Short intervals so that the jobs run many times while a test waits.
const FAST_NOTICES = { NOTICE_POLL_MS: "150", NOTICE_REMINDER_INTERVAL_MS: "250", NOTICE_RETRY_BASE_MS: "300", NOTICE_RETRY_MAX_MS: "1000", NOTICE_MAX_ATTEMPTS: "100", MAIL_FROM: "Platform <notices@test.example>" };

test.describe.configure({ mode: "serial" });

let sink: SmtpSink;
let a: AppInstance;
let b: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sink = await startSmtpSink();
  const env = { ...FAST_NOTICES, SMTP_URL: sink.url };
  [a, b] = await Promise.all([startAppInstance(BASE_PORT, env), startAppInstance(BASE_PORT + 1, env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sink?.stop();
});

/** Waits until the recipient has `count` mails, then a while longer to see that no more arrive. */
async function mailsSettled(recipient: string, count: number): Promise<ReceivedMail[]> {
  await expect.poll(() => sink.mailsTo(recipient).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return sink.mailsTo(recipient);
}

async function signedInOn(browser: Browser, instance: AppInstance, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "X-Forwarded-For": uniqueClientAddress() } });
  const page = await context.newPage();
  await signInViaApi(page.request, user);
  return page;
}

test("each notice is mailed once to the owner, names the token, links to it and never carries a secret", async ({ browser, makeUser, request }) => {
  const area = TOKEN_AREAS[1];
  const owner = await makeUser(area.user);
  const page = await signedInOn(browser, a, owner);
  await page.goto(area.path);
  const first = await generateAndClose(page, "ledger sync");
  const { tokenId } = parseToken(first)!;

  // Used from a first address (not news), then from two new ones: one mail, at most one a day.
  for (const address of ["203.0.113.10", "203.0.113.11", "203.0.113.12"]) {
    const response = await request.get(`${b.url}/api/v1/me`, { headers: { ...bearer(first), "X-Forwarded-For": address } });
    expect(response.status()).toBe(200);
    await expect.poll(async () => (await testDb().tokenAddress.count({ where: { tokenId, address } })), { timeout: 10_000 }).toBe(1);
  }

  await page.reload();
  // The row's name cell now carries the "New address" badge too.
  await tokenTable(page).locator("tbody tr").filter({ hasText: "ledger sync" }).getByRole("button", { name: "Regenerate ledger sync" }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate token" });
  await dialog.getByLabel("Stop the old secret now").check();
  await dialog.getByRole("button", { name: "Regenerate token" }).click();
  const second = await newTokenDialog(page).getByLabel("New token").inputValue();
  expect(parseToken(second)?.tokenId).toBe(tokenId);

  expect((await request.post(`${a.url}/api/v1/credentials/revoke`, { data: { credentials: [second] } })).status()).toBe(202);

  const mails = await mailsSettled(owner.email, 4);
  expect(mails.map((mail) => mail.subject).sort()).toEqual(
    [
      "A new API token was generated: ledger sync",
      "An API token was used from a new address: ledger sync",
      "An API token was regenerated: ledger sync",
      "An API token was revoked because it was exposed: ledger sync",
    ].sort(),
  );
  for (const mail of mails) {
    expect(mail.to).toEqual([owner.email]);
    expect(mail.from).toBe("notices@test.example");
    expect(mail.text).toMatch(new RegExp(`Details: http://localhost:\\d+${area.path}/${tokenId}\n`));
    expect(mail.text).toContain(`pat_${tokenId}_`);
    for (const token of [first, second]) {
      const { secret } = parseToken(token)!;
      expect(mail.raw).not.toContain(secret);
      expect(mail.text).not.toContain(secret);
    }
  }
  expect(mails.find((mail) => mail.subject.includes("new address"))!.text).toContain("203.0.113.11");
  const rows = await testDb().notice.findMany({ where: { tokenId } });
  expect(rows).toHaveLength(4);
  expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
});

test("an expiry reminder is mailed once by two instances, and not again after a restart", async ({ makeUser }) => {
  const owner = await makeUser();
  // Expires in 12 hours, made 20 days ago: the 1-day reminder is due now (the 7-day one was missed).
  const token = await createTestToken(owner.id, { name: "expiring soon", expiresAt: new Date(Date.now() + 12 * HOUR) });
  await testDb().apiToken.update({ where: { id: token.tokenId }, data: { createdAt: new Date(Date.now() - 20 * DAY) } });

  const [mail] = await mailsSettled(owner.email, 1);
  expect(mail.subject).toBe("An API token expires in 1 day: expiring soon");
  expect(mail.text).not.toContain(token.secret);

  await a.stop();
  a = await startAppInstance(BASE_PORT, { ...FAST_NOTICES, SMTP_URL: sink.url });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(sink.mailsTo(owner.email)).toHaveLength(1);
  expect(await testDb().notice.count({ where: { tokenId: token.tokenId } })).toBe(1);
});

test("with the SMTP server down, mail waits and is retried; once it is back each arrives once", async ({ makeUser }) => {
  await sink.stop();
  try {
    const owner = await makeUser();
    const token = await createTestToken(owner.id, { name: "while down", expiresAt: new Date(Date.now() + 6 * HOUR) });
    await testDb().apiToken.update({ where: { id: token.tokenId }, data: { createdAt: new Date(Date.now() - 20 * DAY) } });
    // Both instances try, fail, and leave it for later with the reason.
    await expect
      .poll(async () => (await testDb().notice.findFirst({ where: { tokenId: token.tokenId } }))?.attempts ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    const waiting = await testDb().notice.findFirstOrThrow({ where: { tokenId: token.tokenId } });
    expect(waiting).toMatchObject({ status: "pending", sentAt: null });
    expect(waiting.lastError).toBeTruthy();
    expect(sink.mailsTo(owner.email)).toHaveLength(0);

    await sink.restart();
    const mails = await mailsSettled(owner.email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("An API token expires in 1 day: while down");
    expect(await testDb().notice.findFirstOrThrow({ where: { tokenId: token.tokenId } })).toMatchObject({ status: "sent" });
  } finally {
    // Back up for the next test even if this one failed.
    if (!sink.isUp()) await sink.restart();
  }
});

test("a kind the owner turned off is never mailed; the exposed-token notice always is", async ({ browser, makeUser, request }) => {
  const area = TOKEN_AREAS[0];
  const owner = await makeUser(area.user);
  const page = await signedInOn(browser, b, owner);
  await page.goto(area.path);
  const settings = page.getByRole("form", { name: "Email notices" });
  await settings.getByLabel("A token was generated").uncheck();
  await settings.getByLabel("A token was used from a new address", { exact: false }).uncheck();
  await settings.getByRole("button", { name: "Save email notices" }).click();
  await expect(settings.getByRole("status")).toHaveText("Email notice settings saved.");
  await expect(page.getByRole("form", { name: "Email notices" }).getByLabel("A token was generated")).not.toBeChecked();
  await expect(page.getByRole("form", { name: "Email notices" }).getByLabel("A token was revoked because it was reported as exposed", { exact: false })).toBeDisabled();

  const token = await generateAndClose(page, "quiet token");
  const { tokenId } = parseToken(token)!;
  for (const address of ["198.51.100.1", "198.51.100.2"]) {
    await request.get(`${a.url}/api/v1/me`, { headers: { ...bearer(token), "X-Forwarded-For": address } });
    await expect.poll(async () => (await testDb().tokenAddress.count({ where: { tokenId, address } })), { timeout: 10_000 }).toBe(1);
  }
  expect((await request.post(`${a.url}/api/v1/credentials/revoke`, { data: { credentials: [token] } })).status()).toBe(202);

  const mails = await mailsSettled(owner.email, 1);
  expect(mails.map((mail) => mail.subject)).toEqual(["An API token was revoked because it was exposed: quiet token"]);
  expect(await testDb().notice.findMany({ where: { tokenId }, select: { kind: true } })).toEqual([{ kind: "token_reported" }]);
});
