import "server-only";
import { visibleTo, type VisibilityScope } from "../access/visibility";
import { db } from "../db/client";
import { toPage, type Page } from "./page";

export type ProductView = {
  id: string;
  sku: string;
  name: string;
  priceCents: number;
  createdAt: string;
  visibilityGroup: { id: string; name: string };
};

const productSelect = {
  id: true,
  sku: true,
  name: true,
  priceCents: true,
  createdAt: true,
  group: { select: { id: true, name: true } },
} as const;

type ProductRow = { id: string; sku: string; name: string; priceCents: number; createdAt: Date; group: { id: string; name: string } };

function toView({ group, createdAt, ...product }: ProductRow): ProductView {
  return { ...product, createdAt: createdAt.toISOString(), visibilityGroup: group };
}

export async function listProducts(scope: VisibilityScope, { limit, cursor }: { limit: number; cursor?: string | null }): Promise<Page<ProductView>> {
  const rows = await db.product.findMany({
    where: { ...visibleTo(scope), ...(cursor ? { id: { gt: cursor } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: productSelect,
  });
  return toPage(rows.map(toView), limit);
}

export async function findProduct(scope: VisibilityScope, id: string): Promise<ProductView | null> {
  const row = await db.product.findFirst({ where: { id, ...visibleTo(scope) }, select: productSelect });
  return row ? toView(row) : null;
}
