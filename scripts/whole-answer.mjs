// An API answer leaves in one write: status line, headers, body and the end of the chunked encoding
// together, not in the two or three writes Next.js makes (it flushes the headers, then writes the body on a
// later turn of the event loop). Behind a load balancer this decides what a crash does to a request in flight:
// a balancer that has read a status line can no longer send the request to another instance, so an instance
// killed between two writes leaves the client with a cut answer; in one write, the balancer has either
// nothing (and sends a read to the next instance) or the whole answer. Pages stream, and are left alone.

/** Holds the API answer's writes until it ends, or until it is too large to hold (then it streams). */
export function sendWhole(req, res) {
  const socket = res.socket;
  // A pipelined request waits for the socket; the answer before it owns it.
  if (!socket || !req.url?.startsWith("/api/")) return;
  const { write, end, writeContinue } = res;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    res.write = write;
    res.end = end;
    res.writeContinue = writeContinue;
    socket.uncork();
  };
  socket.cork();
  // The client that sent `Expect: 100-continue` waits for this before it sends the body: it goes now.
  res.writeContinue = function (...args) {
    socket.uncork();
    const result = writeContinue.apply(this, args);
    socket.cork();
    return result;
  };
  // A write that fills the buffer makes Next.js wait for it to drain, which a corked socket never does.
  res.write = function (...args) {
    const ok = write.apply(this, args);
    if (!ok) release();
    return ok;
  };
  res.end = function (...args) {
    const result = end.apply(this, args);
    release();
    return result;
  };
  // An answer that never ends (the client went away) must not keep the socket corked.
  res.once("close", release);
}
