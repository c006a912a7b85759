// A PostgreSQL and a Redis of the fault tests' own, on ports of their own, so that stopping and starting
// them disturbs nothing else on the machine. Both run as direct child processes (no daemon, no pid file to
// chase), so that stopping them, or this process ending, leaves nothing behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type OwnService = {
  url: string;
  port: number;
  /** Stops the server (PostgreSQL: fast shutdown, every connection cut; Redis: SIGTERM). */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it for good and removes its files. */
  remove: () => Promise<void>;
};

const children = new Set<ChildProcess>();
// A worker that ends without running its hooks (a timeout's hard kill) still takes its servers with it.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, command);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function missingTools(): string[] {
  return ["initdb", "redis-server"].filter((command) => !findOnPath(command));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Managed = { child: ChildProcess; exited: Promise<void> };

function launch(file: string, args: string[], options: { uid?: number; gid?: number; log: string }): Managed {
  const out = fs.openSync(options.log, "a");
  const child = spawn(file, args, { stdio: ["ignore", out, out], uid: options.uid, gid: options.gid });
  fs.closeSync(out);
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => (children.delete(child), resolve())));
  return { child, exited };
}

async function halt(managed: Managed | null, signal: NodeJS.Signals): Promise<void> {
  if (!managed || managed.child.exitCode !== null || managed.child.signalCode !== null) return;
  managed.child.kill(signal);
  const timer = setTimeout(() => managed.child.kill("SIGKILL"), 15_000);
  await managed.exited;
  clearTimeout(timer);
}

/**
 * A PostgreSQL cluster made with initdb in a temporary folder, served on 127.0.0.1:port (trust
 * authentication, no fsync: test data). initdb refuses to run as root, so as root it runs as `postgres`.
 */
export async function startOwnPostgres(port: number): Promise<OwnService> {
  const initdb = findOnPath("initdb");
  if (!initdb) throw new Error("initdb is not installed");
  // initdb on the PATH is often a link into PostgreSQL's own folder, where the server binary lives.
  const postgres = path.join(path.dirname(fs.realpathSync(initdb)), "postgres");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "platform-pg-"));
  const data = path.join(folder, "data");
  const log = path.join(folder, "postgres.log");
  let owner: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || uid <= 0) throw new Error("initdb refuses root and there is no postgres user to run it as");
    owner = { uid, gid };
    fs.chmodSync(folder, 0o755);
    fs.chownSync(folder, uid, gid);
  }
  const made = spawnSync(initdb, ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], { ...owner, encoding: "utf8", cwd: folder });
  if (made.status !== 0) throw new Error(`initdb failed:\n${made.stdout}\n${made.stderr}`);

  let server: Managed | null = null;
  const start = async () => {
    // The socket goes to the folder too: the machine's own PostgreSQL keeps /var/run/postgresql to itself.
    server = launch(postgres, ["-D", data, "-p", String(port), "-k", folder, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200"], { ...owner, log });
    await waitUntil(async () => {
      if (server!.child.exitCode !== null) throw new Error(`postgres exited:\n${fs.readFileSync(log, "utf8").slice(-2000)}`);
      return accepts(port);
    }, "PostgreSQL");
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    // SIGINT is PostgreSQL's fast shutdown: open connections are ended, as in a restart for maintenance.
    stop: () => halt(server, "SIGINT"),
    start,
    remove: async () => {
      await halt(server, "SIGINT");
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A redis-server on 127.0.0.1:port that keeps nothing on disk. */
export async function startOwnRedis(port: number): Promise<OwnService> {
  // Not resolved through links: Debian's redis-server is a link that acts by the name it was called by.
  const binary = findOnPath("redis-server");
  if (!binary) throw new Error("redis-server is not installed");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "platform-redis-"));
  let server: Managed | null = null;
  const start = async () => {
    server = launch(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder], { log: path.join(folder, "redis.log") });
    await waitUntil(() => accepts(port), "Redis");
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => halt(server, "SIGTERM"),
    start,
    remove: async () => {
      await halt(server, "SIGTERM");
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
