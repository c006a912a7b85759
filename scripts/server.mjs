// The production server: Next.js's request handler behind Node's own HTTP server, so that the app can
//  - record the caller's address from the connection itself (a header the client cannot set: any copy it
//    sends is removed), taking the Nth X-Forwarded-For entry from the right only when TRUSTED_PROXY_HOPS=N
//    says that N proxies of ours stand in front;
//  - refuse paths that are not valid percent-encoding and the methods TRACE, TRACK and CONNECT
//    (scripts/request-guard.mjs), which Next.js fails on;
//  - refuse request bodies over their route's limit before anything reads them (scripts/body-limit.mjs);
//  - give every request an ID (scripts/request-id.mjs), answered as X-Request-Id on every response, its
//    own early refusals included, and handed to the app in a header the client cannot set;
//  - set the security headers (lib/http/security-headers.mjs) on every response, its own refusals included;
//  - write one structured log line per request (scripts/request-log.mjs): never a secret or header value;
//  - send each API answer in one write (scripts/whole-answer.mjs), so that a crash never leaves a load
//    balancer holding half an answer it can no longer send elsewhere;
//  - shut down gracefully on SIGTERM: stop accepting, finish in-flight requests, drain keep-alive
//    connections (below), then let the app flush what it buffers (last-used stamps) and close its pool.
import http from "node:http";
import net from "node:net";
import next from "next";
import { clientAddress } from "./client-address.mjs";
import { appEnv, root } from "./env.mjs";
import { expectsContinue, limitBody } from "./body-limit.mjs";
import { answerClientError, refuseMalformed, refuseMethod, responseOnSocket } from "./request-guard.mjs";
import { CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER, REQUEST_ID_RESPONSE_HEADER } from "../lib/http/header-names.mjs";
import { requestIdFor } from "./request-id.mjs";
import { SECURITY_HEADERS } from "../lib/http/security-headers.mjs";
import { logRequest } from "./request-log.mjs";
import { sendWhole } from "./whole-answer.mjs";
import { logger } from "../lib/log/logger.mjs";

const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
// How long a stopping instance keeps its idle keep-alive connections open (see shutdown below). Longer than
// the balancer's own idle timeout for its upstream connections (deploy/nginx.conf: 1 s).
const SHUTDOWN_DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 2_000);

Object.assign(process.env, appEnv());
const port = Number(process.env.PORT);
const hops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "0", 10) || 0);

const app = next({ dev: false, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

let shuttingDown = false;

const server = http.createServer((req, res) => {
  // A stopping instance answers, then closes the connection: the client opens its next one elsewhere.
  if (shuttingDown) res.setHeader("Connection", "close");
  const address = clientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedHops: hops,
  });
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  const requestId = requestIdFor(req.headers["x-request-id"]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_RESPONSE_HEADER, requestId);
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  logRequest(req, res, { address, requestId });
  sendWhole(req, res);
  if (refuseMalformed(req, res) || refuseMethod(req, res)) return;
  limitBody(req, res, handle);
});
// Without this listener Node.js would ask for the body of a request that says `Expect: 100-continue`
// before the body limit is checked; with it, the limit decides.
server.on("checkContinue", (req, res) => {
  expectsContinue(req);
  server.emit("request", req, res);
});
server.on("connect", (req, socket) => server.emit("request", req, responseOnSocket(req, socket)));
server.on("clientError", answerClientError);
// Idle keep-alive connections outlive a load balancer's (60 s on the common ones): if the server closed
// first, a request the balancer sends down a connection at that moment would fail with a reset.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => logger.info({ event: "server_started", port }));

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ event: "shutdown_started", signal });
  const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  // Stop listening, but do not close idle keep-alive connections yet: a balancer may be writing a request
  // down one at this very moment, and a connection closed under a write fails that request with 502 (a
  // balancer rightly never re-sends a POST). For the drain, every request that still arrives is answered
  // with `Connection: close`, and the balancer closes the connections it leaves idle itself. Only then are
  // the ones left closed, and again every 100 ms: a keep-alive connection busy now would otherwise stay
  // open after its answer until the keep-alive timeout (65 s), past the grace period, and the buffered
  // writes below would never run. (http.Server#close would close idle connections at once; net.Server's
  // only stops listening.)
  const closed = new Promise((resolve) => net.Server.prototype.close.call(server, resolve));
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_MS))]);
  server.closeIdleConnections();
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(closeIdle);
  await globalThis.platformShutdownHooks?.reduce((chain, hook) => chain.then(hook), Promise.resolve());
  clearTimeout(force);
  logger.info({ event: "shutdown_finished" });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
