import type { Metadata } from "next";
import { NoPermission } from "@/components/NoPermission";
import { Pager } from "@/components/Pager";
import { ProductsTable } from "@/components/ProductsTable";
import { scopeOf } from "@/lib/access/visibility";
import { can, requireAreaUser } from "@/lib/auth/session";
import { DEFAULT_PAGE_SIZE } from "@/lib/data/page";
import { listProducts } from "@/lib/data/products";

export const metadata: Metadata = { title: "Products" };

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requireAreaUser("staff", "/admin/products");
  const { cursor } = await searchParams;
  if (!can(user, "products:read")) return <NoPermission permission="products:read" />;
  const page = await listProducts(scopeOf(user), { limit: DEFAULT_PAGE_SIZE, cursor });
  return (
    <>
      <h1>Products</h1>
      <p className="lead">Products in your visibility groups.</p>
      <ProductsTable products={page.data} />
      <Pager basePath="/admin/products" params={{}} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
