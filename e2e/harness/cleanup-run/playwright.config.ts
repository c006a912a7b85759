// A run of its own for e2e/harness/instance-cleanup.spec.ts: tests that start app instances and then fail,
// time out or kill their worker. No browser and no app server of its own; the same global setup and
// teardown as the suite. The spec passes CLEANUP_RECORD_DIR, where the report and the pids go.
import path from "node:path";
import { defineConfig } from "@playwright/test";

const recordDir = process.env.CLEANUP_RECORD_DIR ?? "test-results/cleanup-run";

export default defineConfig({
  testDir: ".",
  testMatch: "*.run.ts",
  outputDir: path.join(recordDir, "artifacts"),
  workers: 1,
  retries: 0,
  timeout: 20_000,
  reporter: [["json", { outputFile: path.join(recordDir, "report.json") }]],
  globalSetup: "../../support/global-setup.ts",
  globalTeardown: "../../support/global-teardown.ts",
});
