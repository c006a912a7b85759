// The server Playwright tests run against: the test build (scripts/test.mjs) served by scripts/server.mjs
// on the test database and port, with its log also written to a file that tests can read.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { appEnv, root } from "./env.mjs";

const port = process.env.TEST_PORT ?? "3100";
// Tests act as the one trusted proxy: each test sends its own X-Forwarded-For address, so that the
// per-address limits against brute force count each test separately (e2e/support/fixtures.ts).
// Usage counts are flushed every second, so tests that read them wait one second, not ten.
// The tests sign in as the demo accounts on PostgreSQL too, where they are not seeded by default: SEED_DEMO=1.
// The per-token quota is counted but set far above what any test sends with one token (the fuzz test sends
// thousands); e2e/api/quota.spec.ts tests the quota on instances of its own.
const env = appEnv({
  PORT: port,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
  TRUSTED_PROXY_HOPS: "1",
  TOKEN_USAGE_FLUSH_MS: "1000",
  SEED_DEMO: "1",
  API_RATE_LIMIT_PER_HOUR: "1000000",
});
const logFile = process.env.TEST_SERVER_LOG;
const log = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null;

const server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
// Every line goes to the log file; the per-request lines stay out of the console, where tens of thousands
// of them (the fuzzing test) would bury everything else.
for (const stream of [server.stdout, server.stderr]) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
    if (!line.includes('"event":"request"')) process.stdout.write(`${line}\n`);
    log?.write(`${line}\n`);
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
