// `npm run cluster` as an operator runs it (scripts/cluster.mjs): nginx and two instances on a PostgreSQL and a
// Redis of the test's own, a rolling restart on SIGHUP under steady requests, and everything stopped on SIGTERM.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { missingTools, startOwnPostgres, startOwnRedis, type OwnService } from "./own-services";

// nginx on 3460, instances 3461-3462, PostgreSQL 3470, Redis 3471: a range no other test uses.
const LISTEN_PORT = 3460;
const INSTANCE_PORTS = [3461, 3462];
const root = path.resolve(import.meta.dirname, "../..");

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test("npm run cluster: starts nginx and the instances, restarts them one at a time on SIGHUP without a failed request, stops them all on SIGTERM", async () => {
  test.skip(!process.env.TEST_TOPOLOGY, "runs in one database pass of npm test (the PostgreSQL one when there is one)");
  const missing = missingTools();
  test.skip(missing.length > 0 && !process.env.CI, `not installed: ${missing.join(", ")}`);
  test.setTimeout(300_000);

  const services: OwnService[] = [];
  const lines: string[] = [];
  // Its own process group, so that the finally below can take nginx and the instances along whatever happens.
  let cluster: ReturnType<typeof spawn> | null = null;
  try {
    const postgres = await startOwnPostgres(3470);
    services.push(postgres);
    const redis = await startOwnRedis(3471);
    services.push(redis);
    cluster = spawn(process.execPath, [path.join(root, "scripts/cluster.mjs")], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CLUSTER_PORT: String(LISTEN_PORT), CLUSTER_INSTANCES: String(INSTANCE_PORTS.length), DATABASE_URL: postgres.url, REDIS_URL: redis.url, NEXTAUTH_URL: "" },
    });
    for (const stream of [cluster.stdout!, cluster.stderr!]) stream.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
    const exited = new Promise<number | null>((resolve) => cluster!.once("exit", (code) => resolve(code)));
    const said = (event: string) => lines.some((line) => line.includes(`"event":"${event}"`));
    const log = () => lines.slice(-40).join("\n");

    await expect.poll(() => said("cluster_started"), { timeout: 180_000, intervals: [500], message: log() }).toBe(true);
    const ready = await fetch(`http://127.0.0.1:${LISTEN_PORT}/api/health/ready`);
    expect(ready.status).toBe(200);
    for (const port of INSTANCE_PORTS) expect(await accepts(port), `instance on ${port}`).toBe(true);

    // A rolling restart while a client keeps asking: every answer a success.
    const statuses: number[] = [];
    let asking = true;
    const client = (async () => {
      while (asking) {
        const response = await fetch(`http://127.0.0.1:${LISTEN_PORT}/api/v1`).catch(() => null);
        statuses.push(response?.status ?? 0);
        await response?.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    process.kill(cluster.pid!, "SIGHUP");
    await expect.poll(() => said("cluster_rolling_restart_finished"), { timeout: 180_000, intervals: [500], message: log() }).toBe(true);
    asking = false;
    await client;
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status !== 200), log()).toEqual([]);
    expect(lines.filter((line) => line.includes('"event":"shutdown_finished"'))).toHaveLength(INSTANCE_PORTS.length);

    // SIGTERM: nginx, then every instance, stopped gracefully; nothing listens any more.
    process.kill(cluster.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    expect(said("cluster_stopped")).toBe(true);
    for (const port of [LISTEN_PORT, ...INSTANCE_PORTS]) expect(await accepts(port), `port ${port}`).toBe(false);
  } finally {
    // The whole group, even when the launcher itself has ended: nothing it started may outlive the test.
    if (cluster?.pid) {
      try {
        process.kill(-cluster.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    for (const service of services.reverse()) await service.remove().catch(() => {});
  }
});
