// The deployed topology under faults: nginx in front of three instances on a PostgreSQL and a Redis of the
// test's own (e2e/topology/lab.ts), with steady API traffic from several tokens while instances are
// restarted or killed, the database and Redis restarted, and a token revoked. Client addresses are those
// nginx sees. The figures of a longer run come from `npm run bench:topology` (docs/operations.md).
import { expect, test } from "@playwright/test";
import { startLab, type Lab } from "./lab";
import { missingTools } from "./own-services";
import { send, startTraffic, tally, type Sent } from "./traffic";

// nginx on 3420, instances 3421-3423, PostgreSQL 3430, Redis 3431: a range no other test uses.
const BASE_PORT = 3420;
const FLUSH_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failed requests with what the client saw, and what the instances logged besides requests. */
function describeFailures(sent: Sent[], lab: Lab): string {
  const failures = sent.filter((s) => s.status === 0 || s.status >= 500).map((s) => `${new Date(s.sentAt).toISOString()} +${s.doneAt - s.sentAt}ms ${s.method} ${s.kind} ${s.status} ${s.detail}`);
  // What nginx saw of the requests that failed or that it sent to more than one instance.
  const attempts = lab.topology.nginx
    .attempts()
    .filter((entry) => entry.status >= 500 || entry.attempts.length > 1)
    .slice(-20)
    .map((entry) => `nginx ${new Date(entry.endedAt).toISOString()} ${entry.status} ${entry.request} ${entry.attempts.map((a) => `${a.address}=${a.status}`).join(" ")}`);
  return [...failures.filter((line) => !line.includes(" 503 ")).concat(failures.filter((line) => line.includes(" 503 ")).slice(0, 5)), ...attempts, ...lab.events.filter((line) => line.includes('"api_error"')), ...lab.events.slice(-60)].join("\n");
}

test.describe.configure({ mode: "serial" });

test.describe("nginx in front of three instances, under faults", () => {
  // Once per `npm test` (scripts/test.mjs names one database pass for it): the topology brings its own
  // database, so running it in both passes would only repeat it.
  test.skip(!process.env.TEST_TOPOLOGY, "runs in one database pass of npm test (the PostgreSQL one when there is one)");

  let lab: Lab;
  const figures: Record<string, unknown> = {};

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const missing = missingTools();
    if (missing.length && !process.env.CI) test.skip(true, `not installed: ${missing.join(", ")}`);
    lab = await startLab({ basePort: BASE_PORT, env: { TOKEN_USAGE_FLUSH_MS: String(FLUSH_MS) } });
  });

  test.afterAll(async () => {
    test.setTimeout(60_000);
    await lab?.stop();
    console.log(JSON.stringify({ event: "topology_figures", ...figures }));
  });

  test("rate limits and the last-used address see the client nginx saw, not the X-Forwarded-For it sent", async () => {
    const [{ token, tokenId }] = await lab.makeTokens(1);
    const url = lab.topology.url;
    const me = await send(url, { path: "/api/v1/me", headers: { Authorization: `Bearer ${token}`, "X-Forwarded-For": "203.0.113.7" }, localAddress: "127.0.0.23" });
    expect(me.status).toBe(200);
    await expect.poll(async () => (await lab.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAddress).toBe("127.0.0.23");

    // 31 failures from one client, each claiming another address: all counted against the client's own,
    // on whichever instance nginx picked (the count is shared through Redis).
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await send(url, { path: "/api/v1/me", headers: { Authorization: "Bearer pat_wrong", "X-Forwarded-For": `198.51.100.${i}` }, localAddress: "127.0.0.24" });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
    // Claiming to be the blocked client does not block another one, and its valid token still works.
    const other = await send(url, { path: "/api/v1/me", headers: { Authorization: "Bearer pat_wrong", "X-Forwarded-For": "127.0.0.24" }, localAddress: "127.0.0.25" });
    expect(other.status).toBe(401);
    const valid = await send(url, { path: "/api/v1/me", headers: { Authorization: `Bearer ${token}`, "X-Forwarded-For": "127.0.0.24" }, localAddress: "127.0.0.25" });
    expect(valid.status).toBe(200);
    // And the blocked client cannot get out by claiming another address.
    const blocked = await send(url, { path: "/api/v1/me", headers: { Authorization: `Bearer ${token}`, "X-Forwarded-For": "192.0.2.1" }, localAddress: "127.0.0.24" });
    expect(blocked.status).toBe(429);
  });

  test("rolling restart (SIGTERM, start again, one instance at a time): no failed request, every request counted", async () => {
    test.setTimeout(360_000);
    const tokens = await lab.makeTokens(4);
    const pidsBefore = lab.topology.instances.map((instance) => instance.pid);
    const trafficStartedAt = Date.now();
    const traffic = startTraffic({ url: lab.topology.url, tokens, groupId: lab.groupId, localAddress: "127.0.0.30", pauseMs: 20 });
    await sleep(1500);
    const started = Date.now();
    await lab.topology.rollingRestart();
    const restartMs = Date.now() - started;
    await sleep(1500);
    const sent = await traffic.stop();
    const result = tally(sent);
    for (const [index, instance] of lab.topology.instances.entries()) expect(instance.pid).not.toBe(pidsBefore[index]);
    expect(result.failed, describeFailures(sent, lab)).toBe(0);
    expect(result.total).toBeGreaterThan(50);
    // Every request the instances served was counted once: the stopped instances wrote what they held.
    // The one way to count more: a read nginx gave up on after its read timeout (possible on a machine
    // this loaded) and re-sent to the next instance, while the first still served and counted it. Such
    // attempts are in nginx's log; with none, the counts equal the requests served exactly.
    const tokenIds = tokens.map((t) => t.tokenId);
    await expect.poll(() => lab.usageOf(tokenIds), { timeout: 15_000 }).toBeGreaterThanOrEqual(result.ok);
    await sleep(FLUSH_MS * 2);
    const counted = await lab.usageOf(tokenIds);
    const timedOut = lab.timedOutAttempts(trafficStartedAt, Date.now());
    expect(counted).toBeGreaterThanOrEqual(result.ok);
    expect(counted - result.ok, `${counted} counted, ${result.ok} answered 2xx, ${timedOut} attempts timed out at nginx; ${JSON.stringify(result.byStatus)}`).toBeLessThanOrEqual(timedOut);
    figures.rollingRestart = { requests: result.total, failed: result.failed, restartMs, usageLost: result.ok - counted, timedOutAttempts: timedOut };
  });

  test("PostgreSQL restarted: 503 only while it is down, recovery without restarting the app", async () => {
    test.setTimeout(180_000);
    const tokens = await lab.makeTokens(4);
    const pids = lab.topology.instances.map((instance) => instance.pid);
    const traffic = startTraffic({ url: lab.topology.url, tokens, groupId: lab.groupId, localAddress: "127.0.0.32", pauseMs: 20 });
    await sleep(1500);
    const downAt = Date.now();
    await lab.postgres.stop();
    await sleep(3000);
    await lab.postgres.start();
    const upAt = Date.now();
    const firstSuccess = () => traffic.sent.filter((s) => s.sentAt >= upAt && s.status >= 200 && s.status < 300).sort((x, y) => x.doneAt - y.doneAt)[0];
    await expect.poll(() => !!firstSuccess(), { timeout: 30_000, intervals: [100] }).toBe(true);
    const recoveryMs = firstSuccess().doneAt - upAt;
    // Then enough traffic to show that everything succeeds again (requests are slow on a loaded machine).
    await expect.poll(() => traffic.sent.filter((s) => s.sentAt > upAt + recoveryMs + 1000).length, { timeout: 60_000 }).toBeGreaterThan(20);
    const sent = await traffic.stop();
    const result = tally(sent);
    const failures = sent.filter((s) => s.status === 0 || s.status >= 500);
    expect(failures.length).toBeGreaterThan(0);
    // Failures are the app's own 503s (never a 500, a 502 or a dropped connection), and only while the
    // database was down or coming back.
    expect(new Set(failures.map((s) => s.status)), describeFailures(sent, lab)).toEqual(new Set([503]));
    for (const failure of failures) {
      expect(failure.doneAt).toBeGreaterThanOrEqual(downAt);
      expect(failure.sentAt).toBeLessThan(upAt + recoveryMs + 1000);
    }
    const afterRecovery = sent.filter((s) => s.sentAt > upAt + recoveryMs + 1000);
    expect(afterRecovery.filter((s) => s.status >= 300)).toEqual([]);
    expect(lab.topology.instances.map((instance) => instance.pid)).toEqual(pids);
    expect(lab.topology.instances.every((instance) => instance.isRunning())).toBe(true);
    figures.postgresRestart = { requests: result.total, failed: result.failed, downMs: upAt - downAt, recoveryMs };
  });

  test("Redis stopped and started: no 5xx, limits count per instance meanwhile and shared again after", async () => {
    test.setTimeout(180_000);
    const tokens = await lab.makeTokens(3);
    const traffic = startTraffic({ url: lab.topology.url, tokens, groupId: lab.groupId, localAddress: "127.0.0.33", pauseMs: 20 });
    await sleep(1000);
    await lab.redis.stop();
    const failuresFrom = async (localAddress: string, count: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) statuses.push((await send(lab.topology.url, { path: "/api/v1/me", headers: { Authorization: "Bearer pat_wrong" }, localAddress })).status);
      return statuses;
    };
    // Round robin spreads one client's failures over three instances, each counting alone: no 429 after
    // 45 failures (about 15 on each), and the limit still holds on each instance once it passes 30 there.
    const duringOutage = await failuresFrom("127.0.0.34", 120);
    expect(duringOutage.slice(0, 45)).toEqual(Array(45).fill(401));
    expect(duringOutage.slice(-3)).toEqual([429, 429, 429]);

    await lab.redis.start();
    const restartedAt = Date.now();
    // Shared again once each instance's client has reconnected: the 31st failure of a new client is refused.
    let attempt = 0;
    await expect
      .poll(async () => (await failuresFrom(`127.0.0.${40 + attempt++}`, 31)).at(-1), { timeout: 30_000, intervals: [1000] })
      .toBe(429);
    const sharedAgainMs = Date.now() - restartedAt;
    const sent = await traffic.stop();
    const result = tally(sent);
    expect(result.failed, describeFailures(sent, lab)).toBe(0);
    figures.redisRestart = { requests: result.total, failed: result.failed, sharedAgainWithinMs: sharedAgainMs };
  });

  test("a token revoked during the traffic: no success on any instance once the revocation committed", async () => {
    test.setTimeout(120_000);
    const [revoked, ...others] = await lab.makeTokens(4);
    // The revoked token's client calls from an address of its own, so that its 401s never limit the others.
    const doomed = startTraffic({ url: lab.topology.url, tokens: [revoked], groupId: lab.groupId, localAddress: "127.0.0.60", pauseMs: 5, writeEvery: 0 });
    const steady = startTraffic({ url: lab.topology.url, tokens: others, groupId: lab.groupId, localAddress: "127.0.0.61", pauseMs: 20 });
    await sleep(1500);
    await lab.db.apiToken.update({ where: { id: revoked.tokenId }, data: { revokedAt: new Date(), revokedReason: "owner" } });
    const committedAt = Date.now();
    await sleep(2000);
    const [doomedSent, steadySent] = await Promise.all([doomed.stop(), steady.stop()]);
    const before = doomedSent.filter((s: Sent) => s.doneAt < committedAt);
    const after = doomedSent.filter((s: Sent) => s.sentAt >= committedAt);
    expect(before.some((s) => s.status === 200)).toBe(true);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((s) => s.status < 300)).toEqual([]);
    // 401, then 429 once its client has failed 30 times in the minute.
    expect(after.filter((s) => s.status !== 401 && s.status !== 429)).toEqual([]);
    expect(after[0].status).toBe(401);
    expect(tally(steadySent).failed).toBe(0);
    figures.revoke = { requestsAfterRevoke: after.length, successesAfterRevoke: 0 };
  });
  // Last: the killed instance is not started again (starting one costs more than the rest of a test here).
  test("an instance killed with SIGKILL: reads are retried on another instance, only writes in flight fail", async () => {
    test.setTimeout(180_000);
    const tokens = await lab.makeTokens(4);
    const trafficStartedAt = Date.now();
    const traffic = startTraffic({ url: lab.topology.url, tokens, groupId: lab.groupId, localAddress: "127.0.0.31", pauseMs: 10, writeEvery: 5 });
    await sleep(1500);
    const killedAt = Date.now();
    await lab.topology.instances[1].stop("SIGKILL");
    await sleep(3000);
    const sent = await traffic.stop();
    const result = tally(sent);
    expect(result.failedReads, describeFailures(sent, lab)).toBe(0);
    // nginx never re-sends a write it already passed on; at most the writes in flight on the killed instance fail.
    const failedWrites = sent.filter((s) => s.method !== "GET" && (s.status === 0 || s.status >= 500));
    expect(failedWrites.length).toBeLessThanOrEqual(4);
    for (const write of failedWrites) expect(write.sentAt).toBeLessThanOrEqual(killedAt + 1000);
    // The killed instance's counts since its last flush are lost (at most FLUSH_MS of its share), no more.
    const tokenIds = tokens.map((t) => t.tokenId);
    await sleep(FLUSH_MS * 2);
    const written = await lab.usageOf(tokenIds);
    const served = sent.filter((s) => s.status > 0 && s.status < 500).length;
    // Reads re-sent after nginx's read timeout may have been counted by the instance that was too slow.
    const timedOut = lab.timedOutAttempts(trafficStartedAt, Date.now());
    expect(written).toBeLessThanOrEqual(served + timedOut);
    const perSecond = served / ((sent.at(-1)!.doneAt - sent[0].sentAt) / 1000);
    expect(served - written).toBeLessThanOrEqual(Math.ceil(perSecond * (FLUSH_MS / 1000) + 20));
    figures.sigkill = { requests: result.total, failedReads: result.failedReads, failedWrites: result.failedWrites, usageLost: served - written, timedOutAttempts: timedOut };
  });
});
