// `npm test`: builds the app into its own folder, runs the unit tests, then the Playwright suite (browser
// end-to-end and HTTP integration tests against `next start`) on a fresh SQLite database, and again on
// PostgreSQL when TEST_DATABASE_URL names one (each run in a schema of its own, dropped afterwards).
//   node scripts/test.mjs [playwright arguments]     e.g. npm test -- e2e/api
//   TEST_SKIP_BUILD=1  reuse the last test build      TEST_SKIP_UNIT=1  skip the unit tests
//   TEST_DATABASES=sqlite|postgresql|sqlite,postgresql   which databases to run the suite on
//   TEST_TOPOLOGY=0  leave out the fault tests of the load-balanced topology (e2e/topology)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { appEnv, root } from "./env.mjs";

const args = process.argv.slice(2);
const distDir = process.env.NEXT_DIST_DIR || ".next-test";
const port = process.env.TEST_PORT || "3100";
// SEED_DEMO=1: the tests sign in as the demo accounts, which PostgreSQL does not get by default. Every server
// the suite starts inherits it.
const env = appEnv({ NEXT_DIST_DIR: distDir, TEST_PORT: port, SEED_DEMO: "1" });
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const results = [];
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });

function run(label, command, commandArgs, extraEnv = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, [command, ...commandArgs], { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (!process.env.TEST_SKIP_BUILD) {
  if (run("build", bin("next", "dist/bin/next"), ["build"]) !== 0) process.exit(1);
}

if (!process.env.TEST_SKIP_UNIT && args.length === 0) {
  const output = path.join(root, "test-results", "vitest.json");
  const status = run("unit tests", bin("vitest", "vitest.mjs"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${output}`]);
  const report = readJson(output);
  results.push({ label: "unit", status, passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? (status ? 1 : 0) });
}

const databases = (process.env.TEST_DATABASES ?? (process.env.TEST_DATABASE_URL ? "sqlite,postgresql" : "sqlite")).split(",");
// e2e/topology starts a PostgreSQL, a Redis and nginx of its own, whatever the suite's database: it runs in
// one pass only, the PostgreSQL one when there is one.
const topologyPass = process.env.TEST_TOPOLOGY === "0" ? null : databases.includes("postgresql") ? "postgresql" : databases.at(-1);
for (const database of databases) {
  let url;
  let dropSchema = async () => {};
  if (database === "postgresql") {
    if (!process.env.TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is required to run the suite on PostgreSQL");
    const schema = `test_${port}_${Date.now()}`;
    const parsed = new URL(process.env.TEST_DATABASE_URL);
    parsed.searchParams.set("schema", schema);
    url = parsed.toString();
    dropSchema = async () => {
      const base = new URL(process.env.TEST_DATABASE_URL);
      base.searchParams.delete("schema");
      const client = new pg.Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    };
  } else {
    const file = path.join("data", `test-${port}.db`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(root, file + suffix), { force: true });
    url = `file:./${file}`;
  }
  const output = path.join(root, "test-results", `playwright-${database}.json`);
  // Named by port too, so that a test run on another port at the same time never deletes this one's log.
  const serverLog = path.join(root, "test-results", `server-${database}-${port}.log`);
  fs.rmSync(serverLog, { force: true });
  const status = run(`playwright on ${database}`, bin("@playwright/test", "cli.js"), ["test", ...args], {
    DATABASE_URL: url,
    TEST_DATABASE: database,
    TEST_SERVER_LOG: serverLog,
    PLAYWRIGHT_JSON_OUTPUT: output,
    TEST_TOPOLOGY: database === topologyPass ? "1" : "",
  });
  await dropSchema();
  const stats = readJson(output)?.stats;
  results.push({
    label: `playwright (${database})`,
    status,
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    // A run that failed without a failing test (a server that would not start) still counts as a failure.
    failed: Math.max(stats?.unexpected ?? 0, status ? 1 : 0),
  });
}

console.log("");
for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed${r.status ? ` (exit ${r.status})` : ""}`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const anyError = results.some((r) => r.status !== 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || anyError ? 1 : 0);
