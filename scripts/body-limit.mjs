// Request bodies over their route's limit (lib/api/body-limits.mjs) are refused here, before Next.js or
// next-auth read them: both read a whole body into memory before anything checks its size, and one 600 MB
// sign-in POST took the server from 435 MB to 1.43 GB. A declared length over the limit is refused at once,
// unread. A body of undeclared length (chunked) is counted as it arrives and held back from the app until it
// is complete, so the app sees either the whole body or nothing: past the limit the server stops reading,
// answers 413 and closes the connection.
import { bodyLimitFor } from "../lib/api/body-limits.mjs";
import { refuse } from "./request-guard.mjs";

// The path as Next.js routes it (dot segments resolved, percent-encoding decoded); repeated slashes and
// letter case are folded as well, which can only pick a smaller limit than the route's.
function routePath(url) {
  let pathname = "/";
  try {
    pathname = new URL(String(url ?? "/"), "http://localhost").pathname;
    pathname = decodeURIComponent(pathname);
  } catch {
    // An undecodable path was refused before this runs; any other leftover takes the default limit.
  }
  return pathname.replace(/\/{2,}/g, "/").toLowerCase();
}

// Closing a connection that still holds unread bytes resets it, and a client still sending its body may then
// lose the answer before reading it. So once the answer is out, the connection is half-closed and left
// unread (the client's sending stalls, nothing more is read), and closed for good a moment later. Node
// calls destroySoon on the socket when a response that says `Connection: close` is finished.
const LINGER_MS = 2_000;

function closeAfterLinger(socket) {
  socket.destroySoon = function () {
    this.pause();
    this.end();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

function refuseTooLarge(req, res) {
  if (res.headersSent) return;
  closeAfterLinger(req.socket);
  refuse(req, res, "payload_too_large", { close: true });
}

const waitingForContinue = new WeakSet();

/** Marks a request whose client sent `Expect: 100-continue` and waits to be asked for the body. */
export function expectsContinue(req) {
  waitingForContinue.add(req);
}

/**
 * Calls `serve(req, res)` once the body is known to fit its route's limit; answers 413 otherwise. A client
 * that waits for `100 Continue` is asked for the body only when it may fit, and otherwise is refused before
 * it sends any.
 */
export function limitBody(req, res, serve) {
  const declared = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  // Without either header a request has no body (RFC 9112, 6.3): nothing to limit, and most requests (every
  // GET) are spared working out their route's limit.
  if (declared === undefined && !chunked && !waitingForContinue.has(req)) {
    serve(req, res);
    return;
  }
  const limit = bodyLimitFor(routePath(req.url));
  if (declared !== undefined && Number(declared) > limit) {
    refuseTooLarge(req, res);
    return;
  }
  if (waitingForContinue.has(req)) res.writeContinue();
  if (declared !== undefined || !chunked) {
    serve(req, res);
    return;
  }
  // Node's HTTP parser hands each body chunk to req.push as it reads it off the socket, whether or not
  // anyone reads the request yet: counting there sees every byte, and holding the chunks there keeps them
  // from the app until the body is complete.
  const push = req.push;
  const held = [];
  let size = 0;
  req.push = function (chunk, encoding) {
    if (chunk === null) {
      req.push = push;
      for (const piece of held) push.call(req, piece);
      push.call(req, null);
      process.nextTick(serve, req, res);
      return false;
    }
    size += chunk.length;
    if (size > limit) {
      req.push = () => false;
      held.length = 0;
      refuseTooLarge(req, res);
      // Tells the parser to stop reading the socket.
      return false;
    }
    held.push(encoding ? Buffer.from(chunk, encoding) : chunk);
    return true;
  };
}
