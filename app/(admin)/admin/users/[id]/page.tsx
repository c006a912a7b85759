import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoPermission } from "@/components/NoPermission";
import { listGroups } from "@/lib/admin/group-queries";
import { canManageUsers } from "@/lib/admin/guard";
import { listRoles } from "@/lib/admin/role-queries";
import { getUser } from "@/lib/admin/user-queries";
import { AREA_LABEL } from "@/lib/auth/areas";
import { requireAreaUser } from "@/lib/auth/session";
import { groupChoices, roleChoices } from "../_components/choices";
import { ResetPasswordForm } from "../_components/ResetPasswordForm";
import { UserAccessForm } from "../_components/UserAccessForm";
import { UserStatusForm } from "../_components/UserStatusForm";

export const metadata: Metadata = { title: "User" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function AdminUserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await requireAreaUser("staff", `/admin/users/${encodeURIComponent(id)}`);
  if (!canManageUsers(viewer)) return <NoPermission permission="users:manage" />;
  const [user, roles, groups] = await Promise.all([getUser(id), listRoles(), listGroups()]);
  if (!user) notFound();
  const { created } = await searchParams;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/admin/users">Users</Link> <span aria-hidden="true">›</span> {user.name}
      </nav>
      <h1>{user.name}</h1>
      <p className="lead">
        {user.email} · signs in to the {AREA_LABEL[user.area]} ·{" "}
        {user.active ? <span className="badge">active</span> : <span className="badge badge-danger">deactivated</span>}
      </p>
      {created && (
        <p className="notice" role="status">
          User created. They can sign in with the initial password.
        </p>
      )}
      <section className="card" aria-labelledby="user-access-heading">
        <h2 id="user-access-heading">Roles and visibility groups</h2>
        <UserAccessForm
          userId={user.id}
          roles={roleChoices(roles)}
          groups={groupChoices(groups)}
          roleIds={user.roles.map((role) => role.id)}
          groupIds={user.groups.map((group) => group.id)}
        />
      </section>
      <section className="card" aria-labelledby="user-password-heading">
        <h2 id="user-password-heading">Password</h2>
        <ResetPasswordForm userId={user.id} />
      </section>
      <section className="card" aria-labelledby="user-status-heading">
        <h2 id="user-status-heading">Account status</h2>
        <UserStatusForm userId={user.id} active={user.active} isSelf={user.id === viewer.id} />
      </section>
    </>
  );
}
