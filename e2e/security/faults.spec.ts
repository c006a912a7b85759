import { parseToken } from "../../lib/tokens/server/format";
import { testDb } from "../support/db";
import { expect, signInViaApi, test, uniqueClientAddress } from "../support/fixtures";
import { captureServerAction, replayServerAction } from "../support/server-actions";
import { newTokenDialog, submitTokenName, TOKEN_AREAS, tokenRow, GENERATE_FORM_FIELDS } from "../support/token-pages";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { bearer, createTestToken } from "../support/tokens";

const FRIENDLY = "The service is temporarily unavailable";
// Anything that would show the error itself rather than a message for people.
const INTERNALS = /ECONNREFUSED|Connection terminated|127\.0\.0\.1|5432|prisma|\bat \S+ \(|stack/i;

test.describe("the database becomes unreachable, then comes back", () => {
  let proxy: TcpProxy | undefined;
  test.afterEach(async () => {
    await proxy?.close();
  });

  test("the API answers 503 JSON at once, pages show a friendly error, and both recover without a restart", async ({ page, makeUser, appInstances }) => {
    // SQLite is a file inside the app's own process: it cannot become unreachable while the app runs.
    test.skip(!process.env.DATABASE_URL?.startsWith("postgres"), "a network outage needs a database on the network (PostgreSQL)");
    test.setTimeout(120_000);
    const direct = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const instance = await appInstances.start({ DATABASE_URL: viaProxy.toString() });

    const user = await makeUser();
    const { token } = await createTestToken(user.id);
    const api = (path: string) => fetch(`${instance.url}${path}`, { headers: { ...bearer(token), "X-Forwarded-For": uniqueClientAddress() } });
    // Session cookies belong to the host, not the port: the one from the main server works here too.
    await signInViaApi(page.request, user);
    expect((await api("/api/v1/me")).status).toBe(200);
    await page.goto(`${instance.url}/admin`);
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();

    await proxy.cut();
    for (const path of ["/api/v1/me", "/api/v1/orders", "/api/v1/products?limit=5"]) {
      const started = Date.now();
      const response = await api(path);
      const elapsed = Date.now() - started;
      const text = await response.text();
      expect(response.status, path).toBe(503);
      expect(response.headers.get("content-type"), path).toContain("application/json");
      expect(Number(response.headers.get("retry-after")), path).toBeGreaterThan(0);
      expect(JSON.parse(text), path).toEqual({ error: { code: "unavailable", message: expect.any(String), requestId: expect.any(String) } });
      expect(text, path).not.toMatch(INTERNALS);
      expect(elapsed, `${path} answered in ${elapsed} ms`).toBeLessThan(5_000);
    }
    // A malformed token needs no database and is still refused as usual.
    expect((await fetch(`${instance.url}/api/v1/me`, { headers: { ...bearer("pat_nonsense"), "X-Forwarded-For": uniqueClientAddress() } })).status).toBe(401);

    const started = Date.now();
    await page.goto(`${instance.url}/admin/settings/api-tokens`);
    await expect(page.getByRole("alert").filter({ hasText: "Something went wrong" })).toContainText(FRIENDLY);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.content()).not.toMatch(INTERNALS);

    await proxy.restore();
    await expect.poll(async () => (await api("/api/v1/me")).status, { timeout: 15_000 }).toBe(200);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "API Tokens", level: 1 })).toBeVisible();
    await page.goto(`${instance.url}/admin`);
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
    expect(instance.process.exitCode).toBeNull();
  });
});

test("an instance that cannot prepare its database at start-up exits with the reason instead of answering 500", async ({ appInstances }) => {
  test.setTimeout(90_000);
  // Nothing listens on port 1; /dev/null is a file, so no database file can be made under it.
  for (const databaseUrl of ["postgresql://postgres@127.0.0.1:1/platform", "file:/dev/null/platform.db"]) {
    await expect(appInstances.start({ DATABASE_URL: databaseUrl })).rejects.toThrow(
      /exited with code 1:[\s\S]*"event":"startup_failed"/,
    );
  }
});

test("an instance killed in the middle of generating and revoking leaves every token whole", async ({ page, makeUser, appInstances }) => {
  test.setTimeout(150_000);
  const instance = await appInstances.start();
  const user = await makeUser();
  await signInViaApi(page.request, user);
  await page.goto(`${instance.url}${TOKEN_AREAS[0].path}`);
  const generate = await captureServerAction(page, () => submitTokenName(page, "crash-0"), { fields: GENERATE_FORM_FIELDS });
  await newTokenDialog(page).getByRole("button", { name: "Copy" }).click();
  await newTokenDialog(page).getByRole("button", { name: "Done" }).click();
  // Tokens to revoke during the burst, generated through the action like the rest.
  const toRevoke: string[] = [];
  for (let i = 0; i < 30; i++) {
    const text = await (await replayServerAction(page.request, generate, generate.body.replace("crash-0", `victim-${i}`))).text();
    toRevoke.push(parseToken(text.match(/pat_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}/)![0])!.tokenId);
  }
  // The revoke request, captured on the newest (first listed) of them and aimed at the others below.
  await page.reload();
  await tokenRow(page, "victim-29").getByRole("button", { name: "Delete" }).click();
  const revoke = await captureServerAction(page, () => page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click());
  const capturedId = toRevoke.pop()!;

  // A burst of both, 16 at a time; the process is killed without warning once some have completed.
  let completed = 0;
  let next = 0;
  const jobs = [
    ...Array.from({ length: 200 }, (_, i) => () => replayServerAction(page.request, generate, generate.body.replace("crash-0", `burst-${i}`))),
    ...toRevoke.map((id) => () => replayServerAction(page.request, revoke, revoke.body.replaceAll(capturedId, id))),
  ].sort(() => Math.random() - 0.5);
  const killed = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (completed >= 25) {
        clearInterval(timer);
        instance.process.kill("SIGKILL");
        resolve();
      }
    }, 5);
  });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        try {
          await job();
          completed++;
        } catch {
          // Cut off by the kill: exactly the case under test.
        }
      }
    }),
  );
  await killed;
  await instance.stop();

  const rows = await testDb().apiToken.findMany({ where: { userId: user.id }, include: { events: true } });
  expect(rows.length).toBeGreaterThan(31);
  expect(rows.length).toBeLessThan(232);
  for (const row of rows) {
    const kinds = row.events.map((event) => event.kind).sort();
    expect(row.secretHash, row.name).toMatch(/^[0-9a-f]{64}$/);
    expect(row.nameSearch, row.name).toBe(row.name.toLowerCase());
    if (row.revokedAt) {
      expect(row.revokedReason, row.name).toBe("owner");
      expect(kinds, row.name).toEqual(["created", "revoked"]);
    } else {
      expect(row.revokedReason, row.name).toBeNull();
      expect(kinds, row.name).toEqual(["created"]);
    }
  }
  // Some of the burst landed and some did not: the kill really came in the middle.
  const burst = rows.filter((row) => row.name.startsWith("burst-")).length;
  expect(burst).toBeGreaterThan(0);
  const revokedInBurst = rows.filter((row) => row.revokedAt && row.name.startsWith("victim-") && row.id !== capturedId).length;
  expect(burst + revokedInBurst).toBeLessThan(jobs.length);

  // The database is fine for everyone else: the main server still serves a surviving token.
  const { token } = await createTestToken(user.id);
  expect((await page.request.get("/api/v1/me", { headers: bearer(token) })).status()).toBe(200);
});
