import type { UserAccess } from "@/lib/access/user-access";
import { hasPermission } from "@/lib/access/permissions";
import { scopeOf } from "@/lib/access/visibility";
import { DEFAULT_PAGE_SIZE } from "@/lib/data/page";
import { listOrders } from "@/lib/data/orders";
import { NoPermission } from "./NoPermission";
import { OrdersTable } from "./OrdersTable";
import { Pager } from "./Pager";

/** The orders page body of both areas: the user's visible orders, when they may read orders. */
export async function OrdersSection({ user, cursor, basePath }: { user: UserAccess; cursor?: string; basePath: string }) {
  if (!hasPermission(user.permissions, "orders:read")) return <NoPermission permission="orders:read" />;
  const page = await listOrders(scopeOf(user), { limit: DEFAULT_PAGE_SIZE, cursor });
  return (
    <>
      <OrdersTable orders={page.data} />
      <Pager basePath={basePath} params={{}} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
