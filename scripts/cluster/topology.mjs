// The deployed topology in one process tree: nginx on one port in front of N instances of the app on the
// ports after it, all sharing one database, one Redis and one session secret. Used by `npm run cluster`,
// by the fault tests (e2e/topology) and by the fault benchmark (bench/topology.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startInstance } from "./instance.mjs";
import { FAIL_TIMEOUT_S, startNginx } from "./nginx.mjs";

/**
 * Starts `count` instances on ports listenPort+1… and nginx on listenPort.
 * `env` goes to every instance (DATABASE_URL, REDIS_URL, NEXTAUTH_SECRET…); NEXTAUTH_URL is the
 * listener's URL and TRUSTED_PROXY_HOPS is 1 (nginx is the one proxy) unless `env` says otherwise.
 * `attemptLog`: nginx logs which instances each request was sent to (nginx.attempts()).
 */
export async function startTopology({ count, listenPort, env, onLine, dir, attemptLog = false }) {
  if (!env.NEXTAUTH_SECRET) throw new Error("the instances must share one NEXTAUTH_SECRET");
  const folder = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "platform-nginx-"));
  const url = `http://127.0.0.1:${listenPort}`;
  const instanceEnv = { NEXTAUTH_URL: url, TRUSTED_PROXY_HOPS: "1", ...env };
  const ports = Array.from({ length: count }, (_, index) => listenPort + 1 + index);
  const instances = [];
  let nginx = null;

  const stop = async () => {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance?.stop("SIGTERM")));
    if (!dir) fs.rmSync(folder, { recursive: true, force: true });
  };

  try {
    // Started together: their start-ups meet at the migration lock, as a real deploy's would.
    const started = await Promise.allSettled(ports.map((port) => startInstance({ port, env: instanceEnv, onLine })));
    for (const result of started) if (result.status === "fulfilled") instances.push(result.value);
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    nginx = await startNginx({ dir: folder, listenPort, upstreams: ports.map((port) => ({ port })), attemptLog });
  } catch (error) {
    await stop();
    throw error;
  }

  const topology = {
    url,
    ports,
    instances,
    nginx,
    folder,
    /** Stops instance `index` with `signal` and starts it again on the same port; resolves once it is ready. */
    restart: async (index, signal = "SIGTERM") => {
      await instances[index].stop(signal);
      instances[index] = await startInstance({ port: ports[index], env: instanceEnv, onLine });
      return instances[index];
    },
    /**
     * Each instance in turn: SIGTERM, start again, wait until it is ready, then the next once nginx takes
     * the restarted one again. While an instance was down nginx may have tried it and left it out for
     * fail_timeout; stopping the next one before that has passed could leave nginx no instance it is willing
     * to try (every request answered 502 "no live upstreams"), which a quick restart does otherwise.
     */
    rollingRestart: async () => {
      for (const index of instances.keys()) {
        await topology.restart(index, "SIGTERM");
        if (index < instances.length - 1) await new Promise((resolve) => setTimeout(resolve, FAIL_TIMEOUT_S * 1000 + 1000));
      }
    },
    stop,
  };
  return topology;
}
