// Request counts live in memory until the next flush; an instance that is stopped (a deploy, a scale-down)
// writes what it still holds on its way out. A second instance of the test build, on the suite's database,
// with a flush interval far longer than the test, so that only the shutdown can have written the counts.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { testDb } from "../support/db";
import { expect, test } from "../support/fixtures";
import { bearer, createTestToken } from "../support/tokens";

const ROOT = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test("an instance stopped with SIGTERM writes the request counts it still holds", async ({ makeUser }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  const { token, tokenId } = await createTestToken(user.id);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    // A generous grace period, so that only a shutdown that really hangs (as one did while a keep-alive
    // connection held server.close() open) fails the test, not a slow final write on a busy machine.
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: url, NODE_ENV: "production", TOKEN_USAGE_FLUSH_MS: "3600000", SHUTDOWN_GRACE_MS: "45000" },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] })
      .toBe(200);
    for (let i = 0; i < 9; i++) expect((await fetch(`${url}/api/v1/me`, { headers: bearer(token) })).status).toBe(200);
    // The last-used stamp is written at once; the counts wait for the next flush, an hour away.
    await expect.poll(async () => (await testDb().apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).not.toBeNull();
    expect(await testDb().tokenUsageDay.count({ where: { tokenId } })).toBe(0);

    // A client in the middle of a request when the signal comes (its headers not yet complete): its
    // request is answered, and its keep-alive connection must not hold the shutdown up afterwards.
    const busy = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => busy.once("connect", resolve));
    busy.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n");
    const answer = new Promise<string>((resolve) => busy.once("data", (chunk) => resolve(chunk.toString())));
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    busy.write("\r\n");
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    // Well inside the 45 s grace: the connection closes once its request is answered, not 65 s later
    // when its keep-alive timeout ends.
    const stoppedWithin = Date.now() + 15_000;
    expect(await exited).toBe(0);
    expect(Date.now()).toBeLessThan(stoppedWithin);
    busy.destroy();
    const rows = await testDb().tokenUsageDay.findMany({ where: { tokenId } });
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(9);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});
