import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/DeleteForm";
import { NoPermission } from "@/components/NoPermission";
import { deleteRoleAction } from "@/lib/actions/roles";
import { canManageUsers } from "@/lib/admin/guard";
import { count } from "@/lib/admin/messages";
import { getRole } from "@/lib/admin/role-queries";
import { requireAreaUser } from "@/lib/auth/session";
import { RoleForm } from "../_components/RoleForm";

export const metadata: Metadata = { title: "Role" };

export default async function AdminRolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAreaUser("staff", `/admin/roles/${encodeURIComponent(id)}`);
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const role = await getRole(id);
  if (!role) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/admin/roles">Roles</Link> <span aria-hidden="true">›</span> {role.name}
      </nav>
      <h1>{role.name}</h1>
      <p className="lead">{count(role.userCount, "user has", "users have")} this role. A change applies to them from their next page load or API request.</p>
      <section className="card" aria-labelledby="role-edit-heading">
        <h2 id="role-edit-heading">Name and permissions</h2>
        <RoleForm role={role} />
      </section>
      <section className="card" aria-labelledby="role-delete-heading">
        <h2 id="role-delete-heading">Delete role</h2>
        <p className="muted">Only a role that no user has can be deleted.</p>
        <DeleteForm
          action={deleteRoleAction}
          idField="roleId"
          id={role.id}
          buttonLabel="Delete role"
          confirmTitle={`Delete role ${role.name}?`}
          confirmText="The role and its permissions are removed for good. This cannot be undone."
        />
      </section>
    </>
  );
}
