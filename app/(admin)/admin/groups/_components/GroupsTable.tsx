import Link from "next/link";
import type { GroupSummary } from "@/lib/admin/group-queries";

export function GroupsTable({ groups }: { groups: GroupSummary[] }) {
  if (groups.length === 0) return <div className="card empty">No visibility groups yet.</div>;
  return (
    <div className="table-wrap">
      <table aria-label="Visibility groups">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Users</th>
            <th scope="col">Orders</th>
            <th scope="col">Products</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <td>
                <Link href={`/admin/groups/${group.id}`}>{group.name}</Link>
              </td>
              <td>{group.userCount}</td>
              <td>{group.orderCount}</td>
              <td>{group.productCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
