import type { Metadata } from "next";
import Link from "next/link";
import { NoPermission } from "@/components/NoPermission";
import { Pager } from "@/components/Pager";
import { canManageUsers } from "@/lib/admin/guard";
import { readListSearchParams, type ListSearchParams } from "@/lib/admin/search-params";
import { listUsers } from "@/lib/admin/user-queries";
import { requireAreaUser } from "@/lib/auth/session";
import { UserSearch } from "./_components/UserSearch";
import { UsersTable } from "./_components/UsersTable";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<ListSearchParams> }) {
  const user = await requireAreaUser("staff", "/admin/users");
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const { query, cursor } = readListSearchParams(await searchParams);
  const page = await listUsers({ query, cursor });
  return (
    <>
      <h1>Users</h1>
      <p className="lead">Everyone who signs in to the admin panel or the partner hub, with their roles and visibility groups.</p>
      <div className="toolbar">
        <UserSearch query={query} />
        <Link href="/admin/users/new" className="button button-primary">
          New user
        </Link>
      </div>
      <UsersTable users={page.users} query={query} />
      <Pager basePath="/admin/users" params={{ q: query }} nextCursor={page.nextCursor} isFirstPage={!cursor} />
    </>
  );
}
