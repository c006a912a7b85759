import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger.mjs";

// lib/auth/options.ts is server-only and reads users through the app's database client; both are
// replaced so that the sign-in rules can be tested on their own. The counters are in-process here.
vi.mock("server-only", () => ({}));
const users = new Map<string, { id: string; email: string; name: string; area: string; active: boolean; passwordHash: string }>();
vi.mock("../../lib/db/client", () => ({
  db: { user: { findUnique: async ({ where }: { where: { email: string } }) => users.get(where.email) ?? null } },
}));

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
let authorize: Authorize;

const PASSWORD = "correct horse battery";

beforeAll(async () => {
  delete process.env.REDIS_URL;
  const { authOptions } = await import("../../lib/auth/options");
  authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
});

let email: string;
beforeEach(async () => {
  email = `person-${crypto.randomBytes(4).toString("hex")}@example.com`;
  users.set(email, { id: email, email, name: "Person", area: "staff", active: true, passwordHash: await bcrypt.hash(PASSWORD, 4) });
});

function address(): string {
  return `198.51.${crypto.randomInt(256)}.${crypto.randomInt(256)}`;
}

function attempt(who: string, password: string, from: string) {
  return authorize({ email: who, password, area: "" }, { headers: { "x-platform-client-address": from } }).then(
    (user) => ({ user, error: null as string | null }),
    (error: Error) => ({ user: null, error: error.message }),
  );
}

// An unknown email costs a full bcrypt comparison (so that it takes as long as a wrong password).
describe("sign-in limits", { timeout: 60_000 }, () => {
  it("refuse the 11th failed attempt for one email from one address, and then even the right password from it", async () => {
    const from = address();
    for (let i = 0; i < 10; i++) expect((await attempt(email, `wrong ${i}`, from)).error).toBe("invalid_credentials");
    expect((await attempt(email, "wrong again", from)).error).toBe("rate_limited");
    expect((await attempt(email, PASSWORD, from)).error).toBe("rate_limited");
    // Letter case and spaces make no new email.
    expect((await attempt(` ${email.toUpperCase()} `, PASSWORD, from)).error).toBe("rate_limited");
  });

  it("do not let one address's failures lock the owner out: the right password from elsewhere still works", async () => {
    const attacker = address();
    for (let i = 0; i < 25; i++) await attempt(email, `wrong ${i}`, attacker);
    expect((await attempt(email, PASSWORD, attacker)).error).toBe("rate_limited");
    expect((await attempt(email, PASSWORD, address())).user).toMatchObject({ id: email });
  });

  it("refuse the 101st failed attempt for one email from all addresses together", async () => {
    // Ten addresses, ten failures each: no address reaches its own limits, the email reaches its total.
    for (let a = 0; a < 10; a++) {
      const from = address();
      for (let i = 0; i < 10; i++) expect((await attempt(email, `wrong ${a}-${i}`, from)).error).toBe("invalid_credentials");
    }
    expect((await attempt(email, "wrong again", address())).error).toBe("rate_limited");
    expect((await attempt(email, PASSWORD, address())).error).toBe("rate_limited");
  });

  it("treat an unknown email exactly like a known one, so the limit reveals nothing", async () => {
    const unknown = `nobody-${crypto.randomBytes(4).toString("hex")}@example.com`;
    const known: (string | null)[] = [];
    const missing: (string | null)[] = [];
    const from = address();
    const otherFrom = address();
    for (let i = 0; i < 12; i++) {
      known.push((await attempt(email, `wrong ${i}`, from)).error);
      missing.push((await attempt(unknown, `wrong ${i}`, otherFrom)).error);
    }
    expect(missing).toEqual(known);
    expect(known.slice(-2)).toEqual(["rate_limited", "rate_limited"]);
  });

  it("refuse the 31st failure from one address, whatever email it tries next", async () => {
    const from = address();
    const guess = (i: number) => `guess-${i}-${email}`;
    for (let i = 0; i < 30; i++) expect((await attempt(guess(i), "wrong", from)).error).toBe("invalid_credentials");
    expect((await attempt(guess(30), "wrong", from)).error).toBe("rate_limited");
    expect((await attempt(email, PASSWORD, from)).error).toBe("rate_limited");
    // Another address and the same person are unaffected.
    expect((await attempt(email, PASSWORD, address())).user).toMatchObject({ id: email });
  });

  it("let the right password in below the limit", async () => {
    const from = address();
    for (let i = 0; i < 10; i++) await attempt(email, `wrong ${i}`, from);
    expect((await attempt(email, PASSWORD, address())).user).toMatchObject({ id: email, email });
    const fresh = address();
    for (let i = 0; i < 9; i++) await attempt(email, `wrong ${i}`, fresh);
    expect((await attempt(email, PASSWORD, fresh)).user).toMatchObject({ id: email });
  });

  it("never hand an internal error message to the client", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    const broken = vi.spyOn(users, "get").mockImplementation(() => {
      throw new Error("connect ECONNREFUSED 10.1.2.3:5432 (secret-host.internal)");
    });
    expect((await attempt(email, PASSWORD, address())).error).toBe("unavailable");
    broken.mockRestore();
    // Logged by class only: the message names a host.
    expect(JSON.stringify(errors.mock.calls)).not.toContain("secret-host");
    errors.mockRestore();
  });
});
