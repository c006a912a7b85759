// Playwright fixtures: unique users per test (so tests never share state), and signing in through
// next-auth's own endpoints where the sign-in form is not what the test is about.
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import type { Permission } from "../../lib/access/permissions";
import { appInstanceGroup, type AppInstances } from "./app-instance";
import { testDb } from "./db";

export type TestUser = { id: string; email: string; password: string; name: string; area: "staff" | "partner" };

export type UserSpec = {
  area?: "staff" | "partner";
  permissions?: Permission[];
  groups?: string[];
  name?: string;
  active?: boolean;
};

const PASSWORD_HASH_CACHE = new Map<string, string>();

async function hashOnce(password: string): Promise<string> {
  if (!PASSWORD_HASH_CACHE.has(password)) PASSWORD_HASH_CACHE.set(password, await bcrypt.hash(password, 4));
  return PASSWORD_HASH_CACHE.get(password)!;
}

/** Creates a user with a role of its own holding exactly the given permissions, in the named groups. */
export async function createUser(spec: UserSpec = {}): Promise<TestUser> {
  const db = testDb();
  const suffix = crypto.randomBytes(5).toString("hex");
  const password = "test-password-1";
  const area = spec.area ?? "staff";
  const groups = await db.visibilityGroup.findMany({ where: { name: { in: spec.groups ?? ["EMEA"] } } });
  const role = await db.role.create({
    data: { name: `test-role-${suffix}`, permissions: { create: (spec.permissions ?? ["orders:read", "products:read"]).map((permission) => ({ permission })) } },
  });
  const user = await db.user.create({
    data: {
      email: `user-${suffix}@test.example`,
      name: spec.name ?? `Test User ${suffix}`,
      area,
      active: spec.active ?? true,
      passwordHash: await hashOnce(password),
      roles: { create: [{ roleId: role.id }] },
      groups: { create: groups.map((group) => ({ groupId: group.id })) },
    },
  });
  return { id: user.id, email: user.email, password, name: user.name, area };
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the request's context. */
export async function signInViaApi(request: APIRequestContext, user: { email: string; password: string }): Promise<void> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(user.email);
}

/** Signs in through the login form, as a person would. */
export async function signInViaForm(page: Page, user: { email: string; password: string }, path = "/login"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const DEMO = {
  admin: { email: "admin@example.com", password: "admin1234" },
  analyst: { email: "analyst@example.com", password: "analyst1234" },
  partner: { email: "partner@example.com", password: "partner1234" },
} as const;

type Fixtures = {
  makeUser: (spec?: UserSpec) => Promise<TestUser>;
  /** Extra app instances, stopped when the test ends, however it ends. */
  appInstances: AppInstances;
};
type WorkerFixtures = {
  /** Extra app instances for beforeAll: stop them in afterAll; the worker's end stops any left running. */
  workerAppInstances: AppInstances;
};

// Stopping gives each instance a grace period: the teardown gets a budget of its own, not what a timed-out
// test left of its budget.
const INSTANCE_TEARDOWN_MS = 60_000;

/** A client address of the test's own (the test server trusts one proxy hop: the test plays that proxy). */
export function uniqueClientAddress(): string {
  const bytes = crypto.randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

/** A group of extra instances for one test or one worker, all stopped at its end, however it ends. */
async function instanceGroup({}, use: (instances: AppInstances) => Promise<void>): Promise<void> {
  const instances = appInstanceGroup();
  try {
    await use(instances);
  } finally {
    await instances.stopAll();
  }
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // Every test calls from an address of its own, so per-address limits never couple tests together.
  extraHTTPHeaders: async ({}, use) => {
    await use({ "X-Forwarded-For": uniqueClientAddress() });
  },
  makeUser: async ({}, use) => {
    await use((spec) => createUser(spec));
  },
  appInstances: [
    instanceGroup,
    { timeout: INSTANCE_TEARDOWN_MS },
  ],
  workerAppInstances: [
    instanceGroup,
    { scope: "worker", timeout: INSTANCE_TEARDOWN_MS },
  ],
});

export { expect };
