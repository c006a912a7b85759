// Two instances on one database (PostgreSQL in the PostgreSQL pass) receiving the same write with one
// Idempotency-Key at the same moment, as a client retrying through a load balancer would send it.
import crypto from "node:crypto";
import { testDb } from "../support/db";
import { expect, test, uniqueClientAddress } from "../support/fixtures";
import { bearer, createTestToken } from "../support/tokens";
import type { AppInstance } from "../support/app-instance";

test.describe("Idempotency-Key across instances", () => {
  let instances: AppInstance[] = [];

  test.beforeAll(async ({ workerAppInstances }) => {
    test.setTimeout(180_000);
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (scripts/test.mjs sets it)");
    instances = await workerAppInstances.startTogether(2, { DATABASE_URL: url });
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  test("racing on two instances with one key creates exactly one order", async ({ makeUser }) => {
    const user = await makeUser({ permissions: ["orders:write"], groups: ["Acme"] });
    const { token } = await createTestToken(user.id);
    const groupId = (await testDb().visibilityGroup.findUniqueOrThrow({ where: { name: "Acme" } })).id;
    const send = (instance: AppInstance, key: string, body: string) =>
      fetch(`${instance.url}/api/v1/orders`, {
        method: "POST",
        headers: { ...bearer(token), "Content-Type": "application/json", "Idempotency-Key": key, "X-Forwarded-For": uniqueClientAddress() },
        body,
      });
    // Fresh instances open their database connections on the first burst; on a loaded machine that alone can
    // exceed the connect timeout (503, "try again"). Warm both pools first so the race is about the key.
    await Promise.all(instances.flatMap((instance) => Array.from({ length: 10 }, () => fetch(`${instance.url}/api/v1/me`, { headers: bearer(token) }))));
    for (let round = 0; round < 3; round++) {
      const customer = `Race ${crypto.randomBytes(4).toString("hex")}`;
      const body = JSON.stringify({ customer, totalCents: 700, visibilityGroupId: groupId });
      const key = `race-${round}`;
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => send(instances[i % 2], key, body)));
      const answers = await Promise.all(responses.map(async (response) => ({ status: response.status, replayed: response.headers.get("idempotent-replayed"), body: await response.json() })));
      // 503 is "try again" (the database was slow to answer), never a second write.
      for (const answer of answers) expect([201, 409, 503], JSON.stringify(answer.body)).toContain(answer.status);
      const created = answers.filter((answer) => answer.status === 201);
      expect(created.filter((answer) => answer.replayed !== "true").length).toBeLessThanOrEqual(1);
      expect(new Set(created.map((answer) => answer.body.id)).size).toBeLessThanOrEqual(1);
      // A client's retry, on either instance, then gets the one order.
      await expect
        .poll(async () => (await send(instances[round % 2], key, body)).status, { timeout: 15_000 })
        .toBe(201);
      const replayed = await (await send(instances[(round + 1) % 2], key, body)).json();
      if (created.length) expect(replayed.id).toBe(created[0].body.id);
      expect(await testDb().order.count({ where: { customer } })).toBe(1);
    }
  });
});
