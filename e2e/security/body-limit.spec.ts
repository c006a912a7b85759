// Request bodies over a route's limit are refused by the server before next-auth or a route handler reads
// them. Before, one 600 MB POST to the sign-in callback took the server from 435 MB to 1.43 GB: both read
// a whole body into memory before anything checked its size. Measured on an instance of the test's own, so
// that no other test's requests move its memory.
import fs from "node:fs";
import { expect, signInViaApi, test, uniqueClientAddress } from "../support/fixtures";
import { rawHttp } from "../support/raw-http";
import { bearer, createTestToken } from "../support/tokens";

const LARGE = 20 * 1024 * 1024;
const MAX_GROWTH = 50 * 1024 * 1024;

function residentBytes(pid: number): number {
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kilobytes) * 1024;
}

test("20 MB bodies to the sign-in callback and the API are refused with 413, unread; small ones still work", async ({ playwright, makeUser, appInstances }) => {
  test.skip(!fs.existsSync("/proc/self/status"), "reads the server's memory from /proc");
  test.setTimeout(180_000);
  const instance = await appInstances.start();
  const pid = instance.process.pid!;
  const user = await makeUser({ permissions: ["orders:read", "orders:write"], groups: ["EMEA"] });
  const { token } = await createTestToken(user.id);
  const address = uniqueClientAddress();
  const session = await playwright.request.newContext({ baseURL: instance.url, extraHTTPHeaders: { "X-Forwarded-For": address } });

  // The allow path, which also loads every route involved before memory is measured.
  const allowed = async () => {
    await signInViaApi(session, user);
    const me = await fetch(`${instance.url}/api/v1/me`, { headers: { ...bearer(token), "X-Forwarded-For": address } });
    const group = (await me.json()).visibilityGroups[0].id;
    const created = await fetch(`${instance.url}/api/v1/orders`, {
      method: "POST",
      headers: { ...bearer(token), "Content-Type": "application/json", "X-Forwarded-For": address },
      body: JSON.stringify({ customer: "Body limit test", totalCents: 1200, visibilityGroupId: group }),
    });
    expect(created.status).toBe(201);
  };
  try {
    await allowed();
    const before = residentBytes(pid);
    let peak = before;
    const headers = { "X-Forwarded-For": address };
    for (const chunked of [false, true]) {
      const signIn = await rawHttp(instance.port, {
        target: "/api/auth/callback/credentials",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: LARGE,
        chunked,
      });
      expect(signIn.status, `sign-in, chunked: ${chunked}`).toBe(413);
      expect(JSON.parse(signIn.body)).toEqual({ error: { code: "payload_too_large", message: "The request body is too large.", requestId: signIn.headers["x-request-id"] } });
      peak = Math.max(peak, residentBytes(pid));

      const order = await rawHttp(instance.port, {
        target: "/api/v1/orders",
        headers: { ...headers, ...bearer(token), "Content-Type": "application/json" },
        body: LARGE,
        chunked,
      });
      expect(order.status, `order, chunked: ${chunked}`).toBe(413);
      expect(JSON.parse(order.body).error.code).toBe("payload_too_large");
      peak = Math.max(peak, residentBytes(pid));
    }
    expect(peak - before, `resident memory grew from ${before} to ${peak} bytes`).toBeLessThan(MAX_GROWTH);
    // A page (server actions) takes more, but not 20 MB either, and gets the refusal as plain text.
    const page = await rawHttp(instance.port, { target: "/admin/settings/api-tokens", headers, body: LARGE, chunked: true });
    expect(page.status).toBe(413);
    expect(page.body).toBe("Payload Too Large");

    await allowed();
    expect(instance.process.exitCode).toBeNull();
  } finally {
    await session.dispose();
  }
});
