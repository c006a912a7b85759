import type { Metadata } from "next";
import { OrdersSection } from "@/components/OrdersSection";
import { requireAreaUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Orders" };

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requireAreaUser("staff", "/admin/orders");
  const { cursor } = await searchParams;
  return (
    <>
      <h1>Orders</h1>
      <p className="lead">Orders in your visibility groups.</p>
      <OrdersSection user={user} cursor={cursor} basePath="/admin/orders" />
    </>
  );
}
