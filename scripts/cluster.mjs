// `npm run cluster`: the production topology on one machine: nginx on CLUSTER_PORT (3400) in front of
// CLUSTER_INSTANCES (3) instances of the app on the ports after it, on the machine's PostgreSQL and Redis,
// with one shared session secret and TRUSTED_PROXY_HOPS=1.
//   Ctrl-C / SIGTERM: stops nginx (requests in flight finish), then every instance gracefully.
//   SIGHUP: rolling restart, one instance at a time.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { appEnv, root } from "./env.mjs";
import { startTopology } from "./cluster/topology.mjs";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/platform";
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

const env = appEnv();
// appEnv() defaults NEXTAUTH_URL to one instance's own port; only a URL the operator set is kept.
const publicUrl = process.env.NEXTAUTH_URL;
const count = Number(env.CLUSTER_INSTANCES ?? 3);
const listenPort = Number(env.CLUSTER_PORT ?? 3400);
const distDir = env.NEXT_DIST_DIR || ".next";
// Several instances need a database on the network: the SQLite default is one machine's file.
const databaseUrl = env.DATABASE_URL?.startsWith("postgres") ? env.DATABASE_URL : DEFAULT_DATABASE_URL;
const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  admin.search = "";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(JSON.stringify({ event: "cluster_database_created", database: name }));
    }
  } finally {
    await client.end();
  }
}

if (!Number.isInteger(count) || count < 1 || count > 20) throw new Error("CLUSTER_INSTANCES must be 1 to 20");
if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.log("No build found: building the app once (`npm run build` rebuilds it after changes).");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await ensureDatabase(databaseUrl);

// appEnv() gave every instance the same NEXTAUTH_SECRET (configured, or this machine's own).
Object.assign(process.env, env);
const topology = await startTopology({
  count,
  listenPort,
  env: {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
    ...(publicUrl ? { NEXTAUTH_URL: publicUrl } : {}),
  },
  onLine: (line, port) => {
    // The per-request lines stay out of the console; start-up, shutdown and errors are shown.
    if (!line.includes('"event":"request"')) console.log(`[${port}] ${line}`);
  },
});
console.log(JSON.stringify({ event: "cluster_started", url: topology.url, instances: topology.ports, database: new URL(databaseUrl).pathname.slice(1), redis: redisUrl }));

let busy = false;
let stopping = false;
process.on("SIGHUP", async () => {
  if (busy || stopping) return;
  busy = true;
  console.log(JSON.stringify({ event: "cluster_rolling_restart_started" }));
  await topology.rollingRestart();
  console.log(JSON.stringify({ event: "cluster_rolling_restart_finished" }));
  busy = false;
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ event: "cluster_stopping", signal }));
    await topology.stop();
    console.log(JSON.stringify({ event: "cluster_stopped" }));
    process.exit(0);
  });
}
