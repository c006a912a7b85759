// What an empty database starts with. Runs at start-up; does nothing once any user, role or group exists,
// and tolerates another instance seeding at the same moment.
// Every empty database gets the roles and the visibility groups, so that the first administrator (created
// with `npm run create-admin`) can work at once. The demo accounts, whose passwords are published, and the
// demo orders and products that show what each of them sees, come only when asked for (./demo-mode.ts).
import bcrypt from "bcryptjs";
import { PERMISSIONS, type Permission } from "../access/permissions";
import type { Db } from "./connect";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const GROUPS = ["EMEA", "Americas", "APAC", "Acme"] as const;

export const ADMINISTRATOR_ROLE = "Administrator";

const ROLES: Record<string, readonly Permission[]> = {
  [ADMINISTRATOR_ROLE]: PERMISSIONS,
  Analyst: ["orders:read", "products:read"],
  Partner: ["orders:read", "orders:write", "products:read"],
};

const DEMO_USERS = [
  { email: "admin@example.com", password: "admin1234", name: "Ada Admin", area: "staff", role: ADMINISTRATOR_ROLE, groups: GROUPS },
  { email: "analyst@example.com", password: "analyst1234", name: "Ann Analyst", area: "staff", role: "Analyst", groups: ["EMEA"] },
  { email: "partner@example.com", password: "partner1234", name: "Pat Partner", area: "partner", role: "Partner", groups: ["Acme"] },
] as const;

export const DEMO_ACCOUNT_EMAILS: readonly string[] = DEMO_USERS.map((user) => user.email);

const CUSTOMERS = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries"];
const STATUSES = ["pending", "paid", "shipped", "cancelled"];
const PRODUCTS = ["Widget", "Gadget", "Sprocket", "Gizmo"];

export type Seeded = "demo" | "roles-and-groups" | null;

export async function isEmpty(db: Db): Promise<boolean> {
  const counts = await Promise.all([db.user.count(), db.role.count(), db.visibilityGroup.count()]);
  return counts.every((count) => count === 0);
}

async function seedRolesAndGroups(tx: Tx): Promise<{ groupIds: Record<string, string>; roleIds: Record<string, string> }> {
  const groupIds: Record<string, string> = {};
  for (const name of GROUPS) groupIds[name] = (await tx.visibilityGroup.create({ data: { name } })).id;
  const roleIds: Record<string, string> = {};
  for (const [name, permissions] of Object.entries(ROLES)) {
    roleIds[name] = (await tx.role.create({ data: { name, permissions: { create: permissions.map((permission) => ({ permission })) } } })).id;
  }
  return { groupIds, roleIds };
}

async function seedDemo(tx: Tx, ids: { groupIds: Record<string, string>; roleIds: Record<string, string> }, passwordHashes: Map<string, string>): Promise<void> {
  const { groupIds, roleIds } = ids;
  for (const user of DEMO_USERS) {
    await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        area: user.area,
        passwordHash: passwordHashes.get(user.email)!,
        roles: { create: [{ roleId: roleIds[user.role] }] },
        groups: { create: user.groups.map((group) => ({ groupId: groupIds[group] })) },
      },
    });
  }
  for (const [index, group] of GROUPS.entries()) {
    await tx.order.createMany({
      data: CUSTOMERS.map((customer, i) => ({
        customer: `${customer} ${group}`,
        totalCents: 1000 * (index + 1) + 250 * i,
        status: STATUSES[i % STATUSES.length],
        groupId: groupIds[group],
      })),
    });
    await tx.product.createMany({
      data: PRODUCTS.map((product, i) => ({
        sku: `${group.slice(0, 3).toUpperCase()}-${100 + i}`,
        name: `${product} (${group})`,
        priceCents: 499 + 100 * i + 1000 * index,
        groupId: groupIds[group],
      })),
    });
  }
}

/** Seeds an empty database: the roles and groups, and the demo accounts and data when `demo` is set. */
export async function seedIfEmpty(db: Db, { demo }: { demo: boolean }): Promise<Seeded> {
  if (!(await isEmpty(db))) return null;
  // Hashed before the transaction opens: bcrypt is slow on purpose, and a busy machine must not push the
  // transaction past its time limit.
  const passwordHashes = new Map(demo ? await Promise.all(DEMO_USERS.map(async (user) => [user.email, await bcrypt.hash(user.password, 10)] as const)) : []);
  try {
    await db.$transaction(
      async (tx) => {
        const ids = await seedRolesAndGroups(tx);
        if (demo) await seedDemo(tx, ids, passwordHashes);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    return demo ? "demo" : "roles-and-groups";
  } catch (error) {
    // Another instance seeded first: its groups make ours collide on the unique name.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** The demo accounts present in the database, whatever seeded them. */
export async function demoAccountsPresent(db: Db): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: [...DEMO_ACCOUNT_EMAILS] } }, select: { email: true }, orderBy: { email: "asc" } });
  return users.map((user) => user.email);
}
