// nginx in front of the instances, run as a child process (not a daemon) with every file of its own in one
// folder: its configuration (deploy/nginx.conf with the listener and the instances filled in), pid, logs
// and temporary files. The machine's own nginx, if any, is never touched.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { root } from "../env.mjs";

// One line per request with every instance nginx tried and what each attempt ended with ("504" for an
// attempt that timed out, "502" for one refused or cut): the fault tests and benchmark read it to tell a
// request nginx re-sent after a timeout, which the first instance may have served and counted too.
const ATTEMPT_LOG = `log_format attempts '$msec $status "$request_method $uri" "$upstream_addr" "$upstream_status"';
  access_log attempts.log attempts;`;

// An instance that refuses a connection is left out for this long (nginx's default, stated on each server
// line so that the rolling restart can wait for it: scripts/cluster/topology.mjs).
export const FAIL_TIMEOUT_S = 10;

/**
 * deploy/nginx.conf for this listener and these instances; `down` ones get no new requests.
 * `attemptLog`: log each request's attempts to attempts.log (deploy/nginx.conf logs nothing).
 */
export function renderNginxConfig({ listenPort, upstreams, attemptLog = false }) {
  const template = fs.readFileSync(path.join(root, "deploy/nginx.conf"), "utf8");
  const servers = upstreams.map(({ port, down }) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=${FAIL_TIMEOUT_S}s${down ? " down" : ""};`).join("\n    ");
  const config = template.replace("__UPSTREAM_SERVERS__", servers).replace("__LISTEN_PORT__", String(listenPort));
  return attemptLog ? config.replace("access_log off;", ATTEMPT_LOG) : config;
}

/** Parses attempts.log: when each request ended (ms), its status, and each attempt's instance and outcome. */
export function parseAttemptLog(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    const match = /^(\d+\.\d+) (\d+) "([^"]*)" "([^"]*)" "([^"]*)"$/.exec(line);
    if (!match) continue;
    const split = (list) => (list === "-" ? [] : list.split(/[,:] /));
    const addresses = split(match[4]);
    const outcomes = split(match[5]);
    entries.push({
      endedAt: Math.round(Number(match[1]) * 1000),
      status: Number(match[2]),
      request: match[3],
      attempts: addresses.map((address, index) => ({ address, status: outcomes[index] ?? "-" })),
    });
  }
  return entries;
}

// Whoever started nginx takes it along when it ends, even without stopping it (a test's hard timeout).
const live = new Set();
process.once("exit", () => {
  // SIGTERM, not SIGKILL: a killed master would leave its workers serving.
  for (const child of live) child.kill("SIGTERM");
});

function nginxBinary() {
  for (const file of [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]) {
    if (file && fs.existsSync(file)) return file;
  }
  throw new Error("nginx is not installed (Debian: apt-get install -y nginx)");
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts nginx on 127.0.0.1:listenPort in `dir` and resolves once it accepts connections.
 * Returns { url, pid, reconfigure(upstreams), stop(), errors(), attempts() }.
 */
export async function startNginx({ dir, listenPort, upstreams, attemptLog = false }) {
  const binary = nginxBinary();
  fs.mkdirSync(path.join(dir, "tmp"), { recursive: true });
  const configFile = path.join(dir, "nginx.conf");
  // Workers of an nginx started by root run as an unprivileged user, which must be able to write here.
  const userLine = process.getuid?.() === 0 ? "user nobody nogroup;\n" : "";
  const write = (list) => fs.writeFileSync(configFile, userLine + renderNginxConfig({ listenPort, upstreams: list, attemptLog }));
  write(upstreams);
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);

  // -e: errors before the configuration is read go to the folder too, not to the system's log.
  const child = spawn(binary, ["-p", `${dir}/`, "-c", configFile, "-e", path.join(dir, "error.log")], { stdio: ["ignore", "inherit", "inherit"] });
  live.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => (live.delete(child), resolve({ code, signal }))));
  let running = true;
  void exited.then(() => (running = false));
  const errors = () => {
    try {
      return fs.readFileSync(path.join(dir, "error.log"), "utf8");
    } catch {
      return "";
    }
  };
  const stop = async () => {
    // SIGQUIT: graceful (requests in flight finish); SIGTERM would cut them.
    if (running) child.kill("SIGQUIT");
    const timer = setTimeout(() => running && child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 15_000;
  while (!(await listening(listenPort))) {
    if (!running || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start on port ${listenPort}:\n${errors()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${listenPort}`,
    pid: child.pid,
    /** Rewrites the list of instances and reloads nginx gracefully (new workers, old ones finish their requests). */
    reconfigure: async (list) => {
      write(list);
      child.kill("SIGHUP");
      // The reload is done when the master has started workers with the new configuration; nginx says
      // nothing on stdout, so give it a moment of its own.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    stop,
    errors,
    /** The attempt log's entries so far (empty unless started with `attemptLog`). */
    attempts: () => {
      try {
        return parseAttemptLog(fs.readFileSync(path.join(dir, "attempts.log"), "utf8"));
      } catch {
        return [];
      }
    },
    exited,
  };
}
