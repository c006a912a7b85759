import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/api-fixtures";

// The document as the server serves it, linted by the two linters integrators most often run on an
// OpenAPI document, with their recommended rules: not one error and not one warning.
const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
// Neither linter may reach out (telemetry, update checks): nothing outside is reachable from CI.
const quiet = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_UPDATE_NOTIFIER: "1" };

let folder: string;
let documentFile: string;

test.beforeAll(async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "openapi-lint-"));
  documentFile = path.join(folder, "openapi.json");
  fs.writeFileSync(documentFile, await response.text());
});

test.afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

test("Redocly's recommended rules find no error and no warning", () => {
  const configFile = path.join(folder, "redocly.yaml");
  fs.writeFileSync(configFile, "extends:\n  - recommended\n");
  const result = spawnSync(bin("redocly"), ["lint", documentFile, "--config", configFile, "--format", "json"], { encoding: "utf8", env: quiet, timeout: 60_000 });
  const report = JSON.parse(result.stdout);
  const problems = report.problems.map((problem: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }) => `${problem.severity} ${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
});

test("Spectral's OpenAPI rules (spectral:oas) find no error and no warning", () => {
  const rulesetFile = path.join(folder, ".spectral.json");
  fs.writeFileSync(rulesetFile, JSON.stringify({ extends: ["spectral:oas"] }));
  const outputFile = path.join(folder, "spectral.json");
  const result = spawnSync(bin("spectral"), ["lint", documentFile, "--ruleset", rulesetFile, "--format", "json", "--output", outputFile, "--fail-severity", "hint"], { encoding: "utf8", env: quiet, timeout: 60_000 });
  expect(fs.existsSync(outputFile), result.stdout + result.stderr).toBe(true);
  const findings: { code: string; severity: number; message: string; path: string[] }[] = JSON.parse(fs.readFileSync(outputFile, "utf8"));
  // Severity 0 is an error, 1 a warning; hints and information (2, 3) are not counted.
  expect(findings.filter((finding) => finding.severity <= 1).map((finding) => `${finding.severity} ${finding.code} ${finding.path.join(".")}: ${finding.message}`)).toEqual([]);
});
