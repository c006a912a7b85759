// Steady API traffic through the load balancer: a few clients, each sending one request after another with
// its own token (reads of /api/v1/me and /api/v1/orders, and order creations), every answer recorded with
// when it was sent and when it came back. Loopback only, and bounded: it stops when told to or at `maxMs`.
import http from "node:http";

export type TrafficToken = { token: string; tokenId: string };
export type Sent = { kind: "me" | "orders" | "create"; method: string; tokenId: string; sentAt: number; doneAt: number; status: number; detail?: string };

export type TrafficOptions = {
  url: string;
  tokens: TrafficToken[];
  /** Group the created orders go to (one of the owners' groups). */
  groupId: string;
  /** Clients at once (default: one per token). */
  clients?: number;
  /** Pause between one client's requests, so that the load leaves room for everything else. */
  pauseMs?: number;
  /** One in this many requests is a write (POST /api/v1/orders). 0: reads only. */
  writeEvery?: number;
  /** The local address the clients connect from (a 127.x.y.z): nginx sees it as the client's address. */
  localAddress?: string;
  maxMs?: number;
};

// Longer than nginx's own timeouts, so that a slow answer is nginx's 504, not a client giving up.
const REQUEST_TIMEOUT_MS = 120_000;

export function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; localAddress?: string; agent?: http.Agent },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders; error?: string }> {
  const target = new URL(options.path, url);
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        headers: { ...(options.body ? { "Content-Type": "application/json" } : {}), ...options.headers },
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
        response.on("error", (error: NodeJS.ErrnoException) => resolve({ status: 0, body, headers: response.headers, error: error.code ?? error.message }));
      },
    );
    // A refused or dropped connection is a failed request (status 0): the balancer let it through to the client.
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ status: 0, body: "", headers: {}, error: error.code ?? error.message }));
    request.on("timeout", () => request.destroy());
    request.end(options.body);
  });
}

export type Traffic = { stop: () => Promise<Sent[]>; sent: Sent[] };

export function startTraffic(options: TrafficOptions): Traffic {
  const { url, tokens, groupId, pauseMs = 10, writeEvery = 10, localAddress, maxMs = 240_000 } = options;
  const clients = options.clients ?? tokens.length;
  const sent: Sent[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const startedAt = Date.now();
  let running = true;
  let counter = 0;

  async function client(index: number) {
    const { token, tokenId } = tokens[index % tokens.length];
    const headers = { Authorization: `Bearer ${token}` };
    while (running && Date.now() - startedAt < maxMs) {
      const n = counter++;
      const kind: Sent["kind"] = writeEvery > 0 && n % writeEvery === writeEvery - 1 ? "create" : n % 2 ? "orders" : "me";
      const sentAt = Date.now();
      const response =
        kind === "create"
          ? await send(url, { method: "POST", path: "/api/v1/orders", headers, body: JSON.stringify({ customer: `load ${n}`, totalCents: 100 + (n % 900), visibilityGroupId: groupId }), localAddress, agent })
          : await send(url, { path: kind === "me" ? "/api/v1/me" : "/api/v1/orders?limit=5", headers, localAddress, agent });
      const failed = response.status === 0 || response.status >= 500;
      const detail = failed ? (response.error ?? response.body.slice(0, 200)) : undefined;
      sent.push({ kind, method: kind === "create" ? "POST" : "GET", tokenId, sentAt, doneAt: Date.now(), status: response.status, detail });
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  const done = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return {
    sent,
    stop: async () => {
      running = false;
      await done;
      agent.destroy();
      return sent;
    },
  };
}

/** Answers by class, for assertions and figures. */
export function tally(sent: Sent[]) {
  const failed = sent.filter((s) => s.status === 0 || s.status >= 500);
  return {
    total: sent.length,
    ok: sent.filter((s) => s.status >= 200 && s.status < 300).length,
    failed: failed.length,
    failedReads: failed.filter((s) => s.method === "GET").length,
    failedWrites: failed.filter((s) => s.method !== "GET").length,
    byStatus: Object.fromEntries(
      [...sent.reduce((map, s) => map.set(s.status, (map.get(s.status) ?? 0) + 1), new Map<number, number>())].sort((a, b) => a[0] - b[0]),
    ) as Record<number, number>,
  };
}
