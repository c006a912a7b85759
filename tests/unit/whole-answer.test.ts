import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { serveDuringTests } from "./support/local-server";
// @ts-expect-error: plain JavaScript module used by the production server, which cannot load TypeScript
import { sendWhole } from "../../scripts/whole-answer.mjs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Answers the way Next.js does: headers flushed first, the body written on a later turn, the end later still;
// a large body in pieces, each after the previous one drained.
const server = http.createServer(async (req, res) => {
  sendWhole(req, res);
  if (req.headers.expect === "100-continue") {
    // As the body limit does (scripts/body-limit.mjs): ask for the body, read it, answer.
    res.writeContinue();
    let bytes = 0;
    for await (const chunk of req) bytes += chunk.length;
    res.end(`read ${bytes}`);
    return;
  }
  const size = Number(new URL(req.url!, "http://x").searchParams.get("size") ?? 100);
  res.setHeader("Content-Type", "application/json");
  res.flushHeaders();
  await sleep(30);
  for (let sent = 0; sent < size; sent += 64 * 1024) {
    if (!res.write("x".repeat(Math.min(64 * 1024, size - sent)))) await new Promise((resolve) => res.once("drain", resolve));
  }
  await sleep(30);
  res.end();
});

server.on("checkContinue", (req, res) => server.emit("request", req, res));

const served = serveDuringTests(server);

/** Sends the requests one after another on one connection; returns, per answer, the reads it arrived in and its body size. */
async function exchange(paths: string[]): Promise<{ reads: number; bodyBytes: number }[]> {
  const socket = net.connect(served.port(), "127.0.0.1");
  socket.setEncoding("latin1");
  const answers: { reads: number; bodyBytes: number }[] = [];
  try {
    for (const path of paths) {
      let text = "";
      let reads = 0;
      const done = new Promise<void>((resolve, reject) => {
        const onData = (chunk: string) => {
          reads++;
          text += chunk;
          if (text.endsWith("0\r\n\r\n")) {
            socket.off("data", onData);
            resolve();
          }
        };
        socket.on("data", onData);
        socket.once("error", reject);
      });
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      await done;
      const body = text.slice(text.indexOf("\r\n\r\n") + 4);
      // Chunked: sizes in hex on their own lines around the data.
      let bodyBytes = 0;
      for (let rest = body; ; ) {
        const lineEnd = rest.indexOf("\r\n");
        const chunkSize = Number.parseInt(rest.slice(0, lineEnd), 16);
        if (!chunkSize) break;
        bodyBytes += chunkSize;
        rest = rest.slice(lineEnd + 2 + chunkSize + 2);
      }
      answers.push({ reads, bodyBytes });
    }
  } finally {
    socket.destroy();
  }
  return answers;
}

describe("an API answer leaves in one write", () => {
  it("sends status line, headers, body and ending together, for every answer on a kept-alive connection", async () => {
    const answers = await exchange(["/api/v1/me", "/api/v1/orders"]);
    expect(answers).toEqual([
      { reads: 1, bodyBytes: 100 },
      { reads: 1, bodyBytes: 100 },
    ]);
  });

  it("still sends 100 Continue at once to a client that waits for it before sending the body", async () => {
    const socket = net.connect(served.port(), "127.0.0.1");
    socket.setEncoding("latin1");
    try {
      let text = "";
      socket.on("data", (chunk: string) => (text += chunk));
      socket.write("POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
      // No body until asked: a 100 held back with the answer would leave both sides waiting.
      await expect.poll(() => text, { timeout: 2000, interval: 20 }).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
      socket.write("x".repeat(10));
      await expect.poll(() => text, { timeout: 2000, interval: 20 }).toMatch(/read 10/);
    } finally {
      socket.destroy();
    }
  });

  it("leaves pages alone: they stream as they are written", async () => {
    const [answer] = await exchange(["/admin/settings/api-tokens"]);
    expect(answer.reads).toBeGreaterThan(1);
    expect(answer.bodyBytes).toBe(100);
  });

  it("lets an answer too large to hold stream instead of waiting for a drain that would never come", async () => {
    const [large, next] = await exchange(["/api/v1/openapi.json?size=1048576", "/api/v1/me"]);
    expect(large.bodyBytes).toBe(1_048_576);
    expect(next).toEqual({ reads: 1, bodyBytes: 100 });
  });
});
