// One app instance (scripts/server.mjs) as a child process, resolved once it is ready: listening, and its
// database reachable (/api/health/ready).
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "../env.mjs";

// Whoever started these takes them along when it ends, even without stopping them (a test's hard timeout).
const live = new Set();
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

const READY_TIMEOUT_MS = Number(process.env.CLUSTER_READY_TIMEOUT_MS ?? 120_000);

/**
 * Starts an instance on `port` with `env` added to the caller's environment.
 * `onLine` receives each line it writes (one JSON object per line); it is also kept for log().
 * Returns { port, url, pid, stop(signal), exited, log() }.
 */
export async function startInstance({ port, env = {}, onLine = () => {} }) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = [];
  let partial = "";
  const take = (chunk) => {
    const text = partial + chunk;
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      onLine(line, port);
    }
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  live.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => (live.delete(child), resolve({ code, signal }))));
  let running = true;
  void exited.then(() => (running = false));
  const instance = {
    port,
    url,
    pid: child.pid,
    exited,
    log: () => lines.join("\n"),
    isRunning: () => running,
    /** SIGTERM: graceful (finishes requests, writes buffered counts); SIGKILL: a crash. */
    stop: async (signal = "SIGTERM") => {
      if (running) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`instance on port ${port} exited before it was ready:\n${instance.log()}`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await instance.stop("SIGKILL");
  throw new Error(`instance on port ${port} was not ready within ${READY_TIMEOUT_MS} ms:\n${instance.log()}`);
}
