// `npm run bench:topology`: the deployed topology under faults, with figures. nginx in front of three
// instances of the app on a PostgreSQL and a Redis of the benchmark's own (initdb and redis-server on ports
// 3450/3451, nginx on 3440, instances 3441-3443), steady API traffic from several tokens through nginx, and
// in turn: a rolling restart, an instance killed with SIGKILL, PostgreSQL restarted, Redis restarted, a
// token revoked. Usage counts are flushed every 10 s (the default), so the SIGKILL figure shows the window
// a crash loses. Loopback only; every phase is bounded in time.
//   BENCH_CLIENTS (8)  clients at once     BENCH_PHASE_MS (10000)  steady traffic before and after each fault
//   BENCH_OUTAGE_MS (5000)  how long PostgreSQL and Redis stay down
import { startLab, type Lab } from "../e2e/topology/lab";
import { send, startTraffic, tally, type Sent, type TrafficToken } from "../e2e/topology/traffic";
import { BENCH_DIST, buildOnce, machineLoad } from "./support";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 10_000);
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 5_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = { name: string; tokens: TrafficToken[]; sent: Sent[]; notes: Record<string, string | number> };

async function phase(lab: Lab, name: string, localAddress: string, fault: (traffic: ReturnType<typeof startTraffic>) => Promise<Record<string, string | number>>): Promise<Phase> {
  const tokens = await lab.makeTokens(CLIENTS);
  const startedAt = Date.now();
  const traffic = startTraffic({ url: lab.topology.url, tokens, groupId: lab.groupId, localAddress, pauseMs: 5, writeEvery: 10, maxMs: 10 * 60_000 });
  await sleep(PHASE_MS);
  const notes = await fault(traffic);
  await sleep(PHASE_MS);
  const sent = await traffic.stop();
  // Reads nginx re-sent after its read timeout: the first instance may have served and counted them too.
  notes.timedOutAttempts = lab.timedOutAttempts(startedAt, Date.now());
  const result = tally(sent);
  const failures = new Map<string, number>();
  for (const s of sent.filter((s) => s.status === 0 || s.status >= 500)) {
    const key = `${s.method} ${s.status} ${s.detail ?? ""}`.slice(0, 120);
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  console.log(`${name}: ${result.total} requests, failed ${result.failed} (reads ${result.failedReads}, writes ${result.failedWrites}), statuses ${JSON.stringify(result.byStatus)} ${JSON.stringify(notes)}`);
  for (const [key, count] of failures) console.log(`  ${count} × ${key}`);
  return { name, tokens, sent, notes };
}

function firstSuccessAfter(sent: Sent[], at: number): number | null {
  const ok = sent.filter((s) => s.sentAt >= at && s.status >= 200 && s.status < 300).sort((a, b) => a.doneAt - b.doneAt)[0];
  return ok ? ok.doneAt - at : null;
}

async function main() {
  // NEXT_DIST_DIR=.next-test reuses the test build; otherwise the benchmarks' own.
  if (!process.env.NEXT_DIST_DIR) {
    buildOnce();
    process.env.NEXT_DIST_DIR = BENCH_DIST;
  }
  console.log(`bench:topology: nginx + 3 instances, ${CLIENTS} clients, ${PHASE_MS} ms before and after each fault; ${machineLoad()}`);
  const lab = await startLab({ basePort: 3440, env: { TOKEN_USAGE_FLUSH_MS: "10000" } });
  const phases: Phase[] = [];
  try {
    phases.push(await phase(lab, "steady", "127.0.1.1", async () => ({})));
    phases.push(
      await phase(lab, "rolling restart (SIGTERM)", "127.0.1.2", async () => {
        const started = Date.now();
        await lab.topology.rollingRestart();
        return { restartMs: Date.now() - started };
      }),
    );
    phases.push(
      await phase(lab, "SIGKILL of one instance", "127.0.1.3", async () => {
        await lab.topology.instances[1].stop("SIGKILL");
        await sleep(PHASE_MS);
        const started = Date.now();
        await lab.topology.restart(1);
        return { startAgainMs: Date.now() - started };
      }),
    );
    phases.push(
      await phase(lab, "PostgreSQL restart", "127.0.1.4", async (traffic) => {
        await lab.postgres.stop();
        await sleep(OUTAGE_MS);
        await lab.postgres.start();
        const upAt = Date.now();
        while (firstSuccessAfter(traffic.sent, upAt) === null && Date.now() - upAt < 60_000) await sleep(50);
        return { downMs: OUTAGE_MS, recoveryMs: firstSuccessAfter(traffic.sent, upAt) ?? "none within 60 s" };
      }),
    );
    phases.push(
      await phase(lab, "Redis restart", "127.0.1.5", async () => {
        await lab.redis.stop();
        // Failures from one client while Redis is down: each instance counts its share alone.
        const statuses: number[] = [];
        for (let i = 0; i < 120; i++) statuses.push((await send(lab.topology.url, { path: "/api/v1/me", headers: { Authorization: "Bearer pat_wrong" }, localAddress: "127.0.1.50" })).status);
        await sleep(OUTAGE_MS);
        await lab.redis.start();
        return { firstRefusedFailureDuringOutage: statuses.indexOf(429) + 1 };
      }),
    );
    const revokeTokens = await lab.makeTokens(1);
    const doomed = startTraffic({ url: lab.topology.url, tokens: revokeTokens, groupId: lab.groupId, localAddress: "127.0.1.6", pauseMs: 2, writeEvery: 0 });
    await sleep(PHASE_MS);
    await lab.db.apiToken.update({ where: { id: revokeTokens[0].tokenId }, data: { revokedAt: new Date(), revokedReason: "owner" } });
    const committedAt = Date.now();
    await sleep(PHASE_MS);
    const doomedSent = await doomed.stop();
    const after = doomedSent.filter((s) => s.sentAt >= committedAt);
    const lastSuccess = Math.max(...doomedSent.filter((s) => s.status === 200).map((s) => s.doneAt));
    console.log(`revoke: ${doomedSent.length} requests, ${after.length} sent after the commit, successes among them ${after.filter((s) => s.status < 300).length}; last success answered ${lastSuccess - committedAt} ms after the commit`);

    // Every instance stopped gracefully writes what it still holds: then the counts are compared.
    await lab.topology.stop();
    console.log("\n| phase | requests | failed reads | failed writes | other | usage counted / served (lost) |");
    console.log("|---|---|---|---|---|---|");
    for (const { name, tokens, sent, notes } of phases) {
      const result = tally(sent);
      const served = sent.filter((s) => s.status > 0 && s.status < 500 && s.status !== 503).length;
      const counted = await lab.usageOf(tokens.map((t) => t.tokenId));
      console.log(`| ${name} | ${result.total} | ${result.failedReads} | ${result.failedWrites} | ${Object.entries(notes).map(([k, v]) => `${k} ${v}`).join(", ")} | ${counted} / ${served} (${served - counted}) |`);
    }
  } finally {
    await lab.stop();
  }
  console.log(machineLoad());
}

await main();
