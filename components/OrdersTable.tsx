import type { OrderView } from "@/lib/data/orders";
import { formatMoney } from "@/lib/format";

export function OrdersTable({ orders }: { orders: OrderView[] }) {
  if (orders.length === 0) return <div className="card empty">No orders in your visibility groups.</div>;
  return (
    <div className="table-wrap">
      <table aria-label="Orders">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Group</th>
            <th scope="col">Status</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="mono">{order.id}</td>
              <td>{order.customer}</td>
              <td>{order.visibilityGroup.name}</td>
              <td>{order.status}</td>
              <td>{formatMoney(order.totalCents, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
