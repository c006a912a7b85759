import "server-only";
import { db } from "../db/client";

export type GroupSummary = { id: string; name: string; userCount: number; orderCount: number; productCount: number };

const groupSelect = { id: true, name: true, _count: { select: { users: true, orders: true, products: true } } } as const;

type GroupRow = { id: string; name: string; _count: { users: number; orders: number; products: number } };

function toSummary({ id, name, _count }: GroupRow): GroupSummary {
  return { id, name, userCount: _count.users, orderCount: _count.orders, productCount: _count.products };
}

export async function listGroups(): Promise<GroupSummary[]> {
  return (await db.visibilityGroup.findMany({ orderBy: { name: "asc" }, select: groupSelect })).map(toSummary);
}

export async function getGroup(groupId: string): Promise<GroupSummary | null> {
  const row = await db.visibilityGroup.findUnique({ where: { id: groupId }, select: groupSelect });
  return row ? toSummary(row) : null;
}
