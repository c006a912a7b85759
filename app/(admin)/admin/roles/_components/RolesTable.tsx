import Link from "next/link";
import type { RoleSummary } from "@/lib/admin/role-queries";

export function RolesTable({ roles }: { roles: RoleSummary[] }) {
  if (roles.length === 0) return <div className="card empty">No roles yet.</div>;
  return (
    <div className="table-wrap">
      <table aria-label="Roles">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Permissions</th>
            <th scope="col">Users</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.id}>
              <td>
                <Link href={`/admin/roles/${role.id}`}>{role.name}</Link>
              </td>
              <td className="badges">
                {role.permissions.length ? (
                  role.permissions.map((permission) => (
                    <code key={permission} className="badge">
                      {permission}
                    </code>
                  ))
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td>{role.userCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
