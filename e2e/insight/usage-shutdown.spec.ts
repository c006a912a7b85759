// Request counts live in memory until the next flush; an instance that is stopped (a deploy, a scale-down)
// writes what it still holds on its way out. A second instance of the test build, on the suite's database,
// with a flush interval far longer than the test, so that only the shutdown can have written the counts.
import net from "node:net";
import { testDb } from "../support/db";
import { expect, test } from "../support/fixtures";
import { bearer, createTestToken } from "../support/tokens";

test("an instance stopped with SIGTERM writes the request counts it still holds", async ({ makeUser, appInstances }) => {
  test.setTimeout(120_000);
  const user = await makeUser();
  const { token, tokenId } = await createTestToken(user.id);
  // A generous grace period, so that only a shutdown that really hangs (as one did while a keep-alive
  // connection held server.close() open) fails the test, not a slow final write on a busy machine.
  const instance = await appInstances.start({ TOKEN_USAGE_FLUSH_MS: "3600000", SHUTDOWN_GRACE_MS: "45000" });
  const { url, port } = instance;
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
  instance.process.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 300));
  busy.write("\r\n");
  expect(await answer).toMatch(/^HTTP\/1\.1 200/);
  // Well inside the 45 s grace: the connection closes once its request is answered, not 65 s later
  // when its keep-alive timeout ends.
  const stoppedWithin = Date.now() + 15_000;
  expect(await instance.exited).toBe(0);
  expect(Date.now()).toBeLessThan(stoppedWithin);
  busy.destroy();
  const rows = await testDb().tokenUsageDay.findMany({ where: { tokenId } });
  expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(9);
});
