import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/DeleteForm";
import { NoPermission } from "@/components/NoPermission";
import { deleteGroupAction } from "@/lib/actions/groups";
import { getGroup } from "@/lib/admin/group-queries";
import { canManageUsers } from "@/lib/admin/guard";
import { count } from "@/lib/admin/messages";
import { requireAreaUser } from "@/lib/auth/session";
import { GroupForm } from "../_components/GroupForm";

export const metadata: Metadata = { title: "Visibility group" };

export default async function AdminGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAreaUser("staff", `/admin/groups/${encodeURIComponent(id)}`);
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const group = await getGroup(id);
  if (!group) notFound();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/admin/groups">Visibility groups</Link> <span aria-hidden="true">›</span> {group.name}
      </nav>
      <h1>{group.name}</h1>
      <p className="lead">
        {count(group.userCount, "user", "users")}, {count(group.orderCount, "order", "orders")}, {count(group.productCount, "product", "products")}.
      </p>
      <section className="card" aria-labelledby="group-rename-heading">
        <h2 id="group-rename-heading">Name</h2>
        <GroupForm group={group} />
      </section>
      <section className="card" aria-labelledby="group-delete-heading">
        <h2 id="group-delete-heading">Delete visibility group</h2>
        <p className="muted">Only a group that no user belongs to and that holds no orders or products can be deleted.</p>
        <DeleteForm
          action={deleteGroupAction}
          idField="groupId"
          id={group.id}
          buttonLabel="Delete group"
          confirmTitle={`Delete visibility group ${group.name}?`}
          confirmText="The group is removed for good. This cannot be undone."
        />
      </section>
    </>
  );
}
