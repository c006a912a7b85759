import type { Metadata } from "next";
import { NoPermission } from "@/components/NoPermission";
import { canManageUsers } from "@/lib/admin/guard";
import { listRoles } from "@/lib/admin/role-queries";
import { requireAreaUser } from "@/lib/auth/session";
import { RoleForm } from "./_components/RoleForm";
import { RolesTable } from "./_components/RolesTable";

export const metadata: Metadata = { title: "Roles" };

export default async function AdminRolesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireAreaUser("staff", "/admin/roles");
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const [roles, { deleted }] = await Promise.all([listRoles(), searchParams]);
  return (
    <>
      <h1>Roles</h1>
      <p className="lead">A role is a named set of permissions. Users have what their roles grant, in the panels and through their API tokens.</p>
      {deleted && (
        <p className="notice" role="status">
          Role deleted.
        </p>
      )}
      <section className="card" aria-labelledby="new-role-heading">
        <h2 id="new-role-heading">New role</h2>
        <RoleForm />
      </section>
      <RolesTable roles={roles} />
    </>
  );
}
