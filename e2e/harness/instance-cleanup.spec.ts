// No extra app instance outlives its test run, however the test that started it ends: a run of its own
// (e2e/harness/cleanup-run) has tests fail, time out (one while its instance is still starting), leave a
// worker-scoped instance behind, skip stopping one, and kill their own worker; afterwards nothing they
// started still runs, not even what those instances started, and their ports are free again.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { entries, isAlive } from "../support/instance-registry";
import { expect, test } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Recorded = { pid: number; port?: number; test?: string };

function readRecords(dir: string, prefix: string): Recorded[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Recorded);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** The outcome of each test of the run, by title, from its JSON report. */
function outcomes(report: { suites: unknown[] }): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (suite: { suites?: unknown[]; specs?: { title: string; tests: { results: { status: string }[] }[] }[] }) => {
    for (const spec of suite.specs ?? []) found[spec.title] = spec.tests[0]?.results.at(-1)?.status ?? "none";
    for (const child of suite.suites ?? []) visit(child as typeof suite);
  };
  for (const suite of report.suites) visit(suite as Parameters<typeof visit>[0]);
  return found;
}

test("instances left by failed, timed-out and killed tests are all stopped by the end of their run", async () => {
  test.setTimeout(240_000);
  const recordDir = fs.mkdtempSync(path.join(os.tmpdir(), "instance-cleanup-"));
  try {
    // Playwright's own variables describe this worker; the run below must not think it is one.
    const env: NodeJS.ProcessEnv = { ...process.env, CLEANUP_RECORD_DIR: recordDir };
    for (const name of Object.keys(env)) if (/^(PW_|PLAYWRIGHT_|TEST_WORKER_INDEX|TEST_PARALLEL_INDEX)/.test(name)) delete env[name];
    const run = spawn(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", "--config", "e2e/harness/cleanup-run/playwright.config.ts"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    run.stdout.on("data", (chunk) => (output += chunk));
    run.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => run.once("exit", resolve));
    expect(code, output).toBe(1);

    const report = JSON.parse(fs.readFileSync(path.join(recordDir, "report.json"), "utf8"));
    expect(outcomes(report)).toEqual({
      "fails with an instance running": "failed",
      "times out with an instance of the app running": "timedOut",
      "times out while an instance is still starting": "timedOut",
      fails: "failed",
      "starts an instance without a fixture and passes without stopping it": "passed",
      "starts an instance without a fixture, then its worker is killed": "failed",
    });

    const instances = readRecords(recordDir, "instance-");
    const children = readRecords(recordDir, "child-of-");
    expect(instances).toHaveLength(6);
    // Every stand-in started a child: five stand-ins, the real app the sixth instance.
    expect(children).toHaveLength(5);
    for (const { pid, test: title } of instances) expect(isAlive(pid), `instance of "${title}"`).toBe(false);
    for (const { pid } of children) expect(isAlive(pid), "child of a stand-in instance").toBe(false);
    for (const { port, test: title } of instances) expect(await isFree(port!), `port of "${title}"`).toBe(true);
    const recordedPids = new Set(instances.map((instance) => instance.pid));
    expect(entries().filter((entry) => entry.pid && recordedPids.has(entry.pid))).toEqual([]);
  } finally {
    fs.rmSync(recordDir, { recursive: true, force: true });
  }
});
