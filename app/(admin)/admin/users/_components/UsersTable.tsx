import Link from "next/link";
import { AREA_LABEL } from "@/lib/auth/areas";
import type { UserListItem } from "@/lib/admin/user-queries";

function Names({ items }: { items: { id: string; name: string }[] }) {
  if (items.length === 0) return <span className="muted">none</span>;
  return (
    <>
      {items.map((item) => (
        <span key={item.id} className="badge">
          {item.name}
        </span>
      ))}
    </>
  );
}

export function UsersTable({ users, query }: { users: UserListItem[]; query?: string }) {
  if (users.length === 0) {
    return (
      <div className="card empty" role="status">
        {query ? `No users match “${query}”.` : "No users."}
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Signs in to</th>
            <th scope="col">Roles</th>
            <th scope="col">Visibility groups</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
              </td>
              <td>{user.email}</td>
              <td>{AREA_LABEL[user.area]}</td>
              <td className="badges">
                <Names items={user.roles} />
              </td>
              <td className="badges">
                <Names items={user.groups} />
              </td>
              <td>{user.active ? <span className="badge">active</span> : <span className="badge badge-danger">deactivated</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
