// HTTP written straight to a socket, for requests no ordinary client sends: a large body the server should
// refuse before reading it (sent with Content-Length or chunked, and stopped as soon as the server answers),
// or a method fetch() refuses to send (TRACE, TRACK, CONNECT).
import net from "node:net";

export type RawResponse = {
  status: number;
  /** Interim responses (100 Continue) received before the final one. */
  interim: number[];
  headers: Record<string, string>;
  body: string;
  /** Body bytes written before the server answered or closed the connection. */
  sent: number;
  /** The server closed the connection after answering. */
  closed: boolean;
};

export type RawRequest = {
  method?: string;
  target: string;
  headers?: Record<string, string>;
  /** A body of this many bytes ("x" repeated), or the body itself. */
  body?: number | string;
  /** Sent chunked (no Content-Length) instead of with its length declared. */
  chunked?: boolean;
  /** Waits this long after the headers before sending the body (for Expect: 100-continue). */
  bodyDelayMs?: number;
  timeoutMs?: number;
};

const CHUNK = 64 * 1024;

function parse(buffer: Buffer): { status: number; interim: number[]; headers: Record<string, string>; body: string; complete: boolean } | null {
  let text = buffer.toString("latin1");
  const interim: number[] = [];
  for (;;) {
    const end = text.indexOf("\r\n\r\n");
    if (end === -1) return null;
    const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    if (status >= 100 && status < 200) {
      interim.push(status);
      text = text.slice(end + 4);
      continue;
    }
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    const body = text.slice(end + 4);
    const length = headers["content-length"] === undefined ? Infinity : Number(headers["content-length"]);
    return { status, interim, headers, body: Buffer.from(body, "latin1").toString("utf8"), complete: Buffer.byteLength(body, "latin1") >= length };
  }
}

export function rawHttp(port: number, request: RawRequest): Promise<RawResponse> {
  const { method = "POST", target, headers = {}, chunked = false, bodyDelayMs = 0, timeoutMs = 30_000 } = request;
  const payload = typeof request.body === "string" ? Buffer.from(request.body) : null;
  const size = payload ? payload.length : typeof request.body === "number" ? request.body : 0;
  const head =
    `${method} ${target} HTTP/1.1\r\nHost: localhost:${port}\r\n` +
    Object.entries({ ...headers, ...(request.body === undefined ? {} : chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(size) }) })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("") +
    "\r\n";

  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    let sent = 0;
    let answered = false;
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms to ${method} ${target}`)), timeoutMs);

    function finish(error?: Error, closed = false) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(Buffer.concat(received));
      if (error && !parsed) reject(error);
      else if (!parsed) reject(new Error(`connection closed without an answer to ${method} ${target} after ${sent} body bytes`));
      else resolve({ status: parsed.status, interim: parsed.interim, headers: parsed.headers, body: parsed.body, sent, closed });
    }

    socket.on("data", (data) => {
      received.push(data);
      const parsed = parse(Buffer.concat(received));
      if (parsed) answered = true;
      if (parsed?.complete && parsed.headers.connection !== "close") finish();
    });
    // A server that stops reading and closes may reset the connection under a write: the answer read before
    // that still counts. The end of the server's side (its FIN) is enough: our side may still be stalled
    // sending a body the server no longer reads.
    socket.on("error", (error) => finish(error, true));
    socket.on("end", () => finish(undefined, true));
    socket.on("close", () => finish(undefined, true));

    const write = (data: Buffer | string) => new Promise<void>((done) => (socket.write(data) ? done() : socket.once("drain", done)));
    socket.on("connect", async () => {
      await write(head);
      if (bodyDelayMs) await new Promise((done) => setTimeout(done, bodyDelayMs));
      while (sent < size && !answered && !settled) {
        const piece = payload ? payload.subarray(sent, sent + CHUNK) : Buffer.alloc(Math.min(CHUNK, size - sent), "x");
        await write(chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece);
        sent += piece.length;
        // Lets the answer in between writes, as a client reading while it sends would.
        await new Promise((done) => setImmediate(done));
      }
      if (chunked && sent >= size && !answered && !settled) await write("0\r\n\r\n");
    });
  });
}
