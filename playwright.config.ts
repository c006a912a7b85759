import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// scripts/test.mjs builds the app, picks the database and port, and passes them here.
const port = Number(process.env.TEST_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// Debian's Chromium where it is installed (CI and these machines); Playwright's own browser elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => fs.existsSync(file));

const INSTANCE_WIDE = "instance-wide/**";
const TOPOLOGY = "topology/**/*.spec.ts";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  // Names the run and kills the extra app instances an earlier run left; afterwards, kills whatever this
  // run's tests left running (e2e/support/app-instance.ts).
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: Number(process.env.TEST_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        }
      : undefined,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [INSTANCE_WIDE, TOPOLOGY] },
    // Tests that change instance-wide settings (the administrator's cap on token lifetimes) would change
    // what the tests running beside them see, so they run on their own once all the others are done
    // (`npm test -- e2e/instance-wide --no-deps` runs them alone).
    { name: "instance-wide", use: { ...devices["Desktop Chrome"] }, testMatch: INSTANCE_WIDE, dependencies: ["chromium"] },
    // The load-balanced topology under faults (three more instances, nginx, a PostgreSQL and a Redis of its
    // own) is timed against a machine that is not also running the browser tests: it runs after them
    // (`npm test -- e2e/topology --no-deps` runs it alone).
    { name: "topology", testMatch: "topology/faults.spec.ts", dependencies: ["chromium"] },
    // `npm run cluster` itself, after the fault tests rather than beside them (each starts several instances).
    { name: "cluster-launcher", testMatch: "topology/launcher.spec.ts", dependencies: ["topology"] },
  ],
  webServer: {
    command: "node scripts/serve-test.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
