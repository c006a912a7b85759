// A load balancer keeps idle keep-alive connections to each instance and may write a request down one at
// any moment. An instance that closed its idle connections the moment it got SIGTERM could close one under
// such a write, and the balancer, which must not re-send a POST, would answer 502. So a stopping instance
// stops listening at once but keeps its open connections for a drain (SHUTDOWN_DRAIN_MS): a request that
// arrives on one is served and answered with `Connection: close`; only after the drain are idle ones closed.
import net from "node:net";
import { testDb } from "../support/db";
import { expect, test } from "../support/fixtures";
import { createTestToken } from "../support/tokens";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw keep-alive connection: send one request, read one whole answer (bodies are sent with a length). */
async function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let received = "";
  let ended = false;
  socket.on("data", (chunk) => (received += chunk.toString()));
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", () => ((ended = true), resolve())));
  return {
    socket,
    closed,
    isClosed: () => ended,
    async ask(request: string): Promise<string> {
      received = "";
      socket.write(request);
      await expect.poll(() => /\r\n\r\n/.test(received) && received.length >= headEnd(received) + bodyLength(received), { timeout: 30_000 }).toBe(true);
      return received;
    },
  };
}

const headEnd = (answer: string) => answer.indexOf("\r\n\r\n") + 4;
const bodyLength = (answer: string) => Number(/\r\ncontent-length: *(\d+)/i.exec(answer)?.[1] ?? 0);

test("a stopping instance serves a write sent down an idle keep-alive connection, with Connection: close, then exits", async ({ makeUser, appInstances }) => {
  test.setTimeout(120_000);
  const user = await makeUser({ permissions: ["orders:write"], groups: ["Acme"] });
  const { token } = await createTestToken(user.id);
  const groupId = (await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "Acme" } })).id;
  // A drain long enough for a loaded machine to get the write in; the default is 2 s.
  const instance = await appInstances.start({ SHUTDOWN_DRAIN_MS: "8000" });

  const writer = await connect(instance.port);
  const idle = await connect(instance.port);
  for (const connection of [writer, idle]) {
    const answer = await connection.ask("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\nconnection: keep-alive\r\n/i);
  }

  instance.process.kill("SIGTERM");
  // It stops listening at once: a new connection is refused (a balancer sends that request elsewhere).
  await expect
    .poll(() => new Promise((resolve) => net.connect(instance.port, "127.0.0.1").once("connect", function (this: net.Socket) { this.destroy(); resolve("accepted"); }).once("error", (error: NodeJS.ErrnoException) => resolve(error.code))), { timeout: 5_000 })
    .toBe("ECONNREFUSED");
  expect(writer.isClosed()).toBe(false);

  const body = JSON.stringify({ customer: "Sent while stopping", totalCents: 1, visibilityGroupId: groupId });
  const answer = await writer.ask(
    `POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  expect(answer).toMatch(/^HTTP\/1\.1 201/);
  expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  await writer.closed;
  expect(await testDb().order.count({ where: { customer: "Sent while stopping" } })).toBe(1);

  // The connection nobody used is closed by the instance once the drain is over, and the instance exits.
  await idle.closed;
  expect(await instance.exited).toBe(0);
});
