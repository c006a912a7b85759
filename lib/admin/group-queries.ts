import "server-only";
import { db } from "../db/client";

export type GroupSummary = { id: string; name: string; userCount: number; orderCount: number; productCount: number };

const groupSelect = { id: true, name: true, _count: { select: { users: true, orders: true, products: true } } } as const;

type GroupRow = { id: string; name: string; _count: { users: number; orders: number; products: number } };

function toSummary({ id, name, _count }: GroupRow): GroupSummary {
  return { id, name, userCount: _count.users, orderCount: _count.orders, productCount: _count.products };
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * Every group, by name as people read it ("acme" beside "Acme", "Group 2" before "Group 10"). Sorted here, not
 * in SQL: SQLite orders by byte value (every capital before every lower-case letter) and PostgreSQL by its
 * collation, so the same groups came back in different orders. Groups are few, so the whole list is read.
 */
export async function listGroups(): Promise<GroupSummary[]> {
  const rows = await db.visibilityGroup.findMany({ select: groupSelect });
  return rows.map(toSummary).sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export async function getGroup(groupId: string): Promise<GroupSummary | null> {
  const row = await db.visibilityGroup.findUnique({ where: { id: groupId }, select: groupSelect });
  return row ? toSummary(row) : null;
}
