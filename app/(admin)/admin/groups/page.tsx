import type { Metadata } from "next";
import { NoPermission } from "@/components/NoPermission";
import { listGroups } from "@/lib/admin/group-queries";
import { canManageUsers } from "@/lib/admin/guard";
import { requireAreaUser } from "@/lib/auth/session";
import { GroupForm } from "./_components/GroupForm";
import { GroupsTable } from "./_components/GroupsTable";

export const metadata: Metadata = { title: "Visibility groups" };

export default async function AdminGroupsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireAreaUser("staff", "/admin/groups");
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const [groups, { deleted }] = await Promise.all([listGroups(), searchParams]);
  return (
    <>
      <h1>Visibility groups</h1>
      <p className="lead">Every order and product belongs to one visibility group; a user sees only the records in their groups.</p>
      {deleted && (
        <p className="notice" role="status">
          Visibility group deleted.
        </p>
      )}
      <section className="card" aria-labelledby="new-group-heading">
        <h2 id="new-group-heading">New visibility group</h2>
        <GroupForm />
      </section>
      <GroupsTable groups={groups} />
    </>
  );
}
