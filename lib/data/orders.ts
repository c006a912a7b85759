import "server-only";
import { visibleTo, type VisibilityScope } from "../access/visibility";
import { db } from "../db/client";
import { toPage, type Page } from "./page";

import type { OrderStatus } from "./orders-statuses";

export { ORDER_STATUSES, type OrderStatus } from "./orders-statuses";

export type OrderView = {
  id: string;
  customer: string;
  totalCents: number;
  currency: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  visibilityGroup: { id: string; name: string };
};

const orderSelect = {
  id: true,
  customer: true,
  totalCents: true,
  currency: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  group: { select: { id: true, name: true } },
} as const;

type OrderRow = { id: string; customer: string; totalCents: number; currency: string; status: string; createdAt: Date; updatedAt: Date; group: { id: string; name: string } };

function toView({ group, createdAt, updatedAt, ...order }: OrderRow): OrderView {
  return { ...order, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString(), visibilityGroup: group };
}

export async function listOrders(scope: VisibilityScope, { limit, cursor }: { limit: number; cursor?: string | null }): Promise<Page<OrderView>> {
  const rows = await db.order.findMany({
    where: { ...visibleTo(scope), ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: orderSelect,
  });
  return toPage(rows.map(toView), limit);
}

/** The order when it is in the scope's groups; null both when it is not and when it does not exist. */
export async function findOrder(scope: VisibilityScope, id: string): Promise<OrderView | null> {
  const row = await db.order.findFirst({ where: { id, ...visibleTo(scope) }, select: orderSelect });
  return row ? toView(row) : null;
}

export async function createOrder(data: { customer: string; totalCents: number; currency: string; groupId: string }): Promise<OrderView> {
  return toView(await db.order.create({ data, select: orderSelect }));
}

/** Updates the status of a visible order; null when it is not visible (nothing is written then). */
export async function updateOrderStatus(scope: VisibilityScope, id: string, status: OrderStatus): Promise<OrderView | null> {
  const { count } = await db.order.updateMany({ where: { id, ...visibleTo(scope) }, data: { status } });
  return count === 0 ? null : findOrder(scope, id);
}
