import type { ProductView } from "@/lib/data/products";
import { formatMoney } from "@/lib/format";

export function ProductsTable({ products }: { products: ProductView[] }) {
  if (products.length === 0) return <div className="card empty">No products in your visibility groups.</div>;
  return (
    <div className="table-wrap">
      <table aria-label="Products">
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">Name</th>
            <th scope="col">Group</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id}>
              <td className="mono">{product.sku}</td>
              <td>{product.name}</td>
              <td>{product.visibilityGroup.name}</td>
              <td>{formatMoney(product.priceCents, "EUR")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
