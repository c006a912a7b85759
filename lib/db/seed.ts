// Demo data for an empty database (PRODUCT.md, "Demo data"). Runs at start-up; does nothing once any user
// exists, and tolerates another instance seeding at the same moment.
import bcrypt from "bcryptjs";
import { PERMISSIONS, type Permission } from "../access/permissions";
import type { Db } from "./connect";

const GROUPS = ["EMEA", "Americas", "APAC", "Acme"] as const;

const ROLES: Record<string, readonly Permission[]> = {
  Administrator: PERMISSIONS,
  Analyst: ["orders:read", "products:read"],
  Partner: ["orders:read", "orders:write", "products:read"],
};

const USERS = [
  { email: "admin@example.com", password: "admin1234", name: "Ada Admin", area: "staff", role: "Administrator", groups: GROUPS },
  { email: "analyst@example.com", password: "analyst1234", name: "Ann Analyst", area: "staff", role: "Analyst", groups: ["EMEA"] },
  { email: "partner@example.com", password: "partner1234", name: "Pat Partner", area: "partner", role: "Partner", groups: ["Acme"] },
] as const;

const CUSTOMERS = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries"];
const STATUSES = ["pending", "paid", "shipped", "cancelled"];
const PRODUCTS = ["Widget", "Gadget", "Sprocket", "Gizmo"];

export async function seedIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  // Hashed before the transaction opens: bcrypt is slow on purpose, and a busy machine must not push the
  // transaction past its time limit.
  const passwordHashes = new Map(await Promise.all(USERS.map(async (user) => [user.email, await bcrypt.hash(user.password, 10)] as const)));
  try {
    await db.$transaction(
      async (tx) => {
        const groupIds: Record<string, string> = {};
        for (const name of GROUPS) groupIds[name] = (await tx.visibilityGroup.create({ data: { name } })).id;
        const roleIds: Record<string, string> = {};
        for (const [name, permissions] of Object.entries(ROLES)) {
          const role = await tx.role.create({
            data: { name, permissions: { create: permissions.map((permission) => ({ permission })) } },
          });
          roleIds[name] = role.id;
        }
        for (const user of USERS) {
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
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    return true;
  } catch (error) {
    // Another instance seeded first: its users make ours collide on the unique email.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
