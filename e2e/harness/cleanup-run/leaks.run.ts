// Tests that leave app instances behind in every way a test can: each records what it started in
// CLEANUP_RECORD_DIR, and e2e/harness/instance-cleanup.spec.ts checks afterwards that none of it still runs.
import fs from "node:fs";
import path from "node:path";
import { startAppInstance, type AppInstance } from "../../support/app-instance";
import { expect, test } from "../../support/fixtures";

const STAND_IN = "e2e/harness/cleanup-run/stand-in-server.mjs";
const recordDir = process.env.CLEANUP_RECORD_DIR!;

function record(instance: AppInstance): void {
  const { pid } = instance.process;
  fs.writeFileSync(path.join(recordDir, `instance-${pid}.json`), JSON.stringify({ pid, port: instance.port, test: test.info().title }));
}

/** Lets the test run out of time shortly from now. */
function timeOutSoon(): Promise<never> {
  test.info().setTimeout(test.info().duration + 1_000);
  return new Promise(() => {});
}

test("fails with an instance running", async ({ appInstances }) => {
  record(await appInstances.start({}, { script: STAND_IN }));
  expect("the assertion that fails").toBe("what the test wanted");
});

test("times out with an instance of the app running", async ({ appInstances }) => {
  test.setTimeout(150_000);
  record(await appInstances.start());
  await timeOutSoon();
});

test("times out while an instance is still starting", async ({ appInstances }) => {
  const starting = appInstances.start({ STAND_IN_READY_AFTER_MS: "600000" }, { script: STAND_IN, onSpawned: record });
  void starting.catch(() => {});
  await timeOutSoon();
});

test.describe("an instance started in beforeAll and never stopped in afterAll", () => {
  test.beforeAll(async ({ workerAppInstances }) => {
    record(await workerAppInstances.start({}, { script: STAND_IN }));
  });

  test("fails", () => {
    expect(1).toBe(2);
  });
});

test("starts an instance without a fixture and passes without stopping it", async () => {
  record(await startAppInstance(undefined, {}, { script: STAND_IN }));
});

test("starts an instance without a fixture, then its worker is killed", async () => {
  record(await startAppInstance(undefined, {}, { script: STAND_IN }));
  process.kill(process.pid, "SIGKILL");
});
