import type { Metadata } from "next";
import Link from "next/link";
import { NoPermission } from "@/components/NoPermission";
import { listGroups } from "@/lib/admin/group-queries";
import { canManageUsers } from "@/lib/admin/guard";
import { listRoles } from "@/lib/admin/role-queries";
import { requireAreaUser } from "@/lib/auth/session";
import { groupChoices, roleChoices } from "../_components/choices";
import { CreateUserForm } from "../_components/CreateUserForm";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const user = await requireAreaUser("staff", "/admin/users/new");
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const [roles, groups] = await Promise.all([listRoles(), listGroups()]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/admin/users">Users</Link> <span aria-hidden="true">›</span> New user
      </nav>
      <h1>New user</h1>
      <p className="lead">
        For an integration, create a user of its own with a role that grants only what it needs, in only the visibility groups it
        needs: its tokens can then do no more.
      </p>
      <section className="card">
        <CreateUserForm roles={roleChoices(roles)} groups={groupChoices(groups)} />
      </section>
    </>
  );
}
