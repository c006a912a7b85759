import { headers } from "next/headers";
import type { ReactNode } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/http/headers";
import { AppShell } from "@/components/AppShell";
import type { NavItem } from "@/components/NavLinks";
import { can, requireAreaUser } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const requestedPath = (await headers()).get(REQUEST_PATH_HEADER) ?? "/admin";
  const user = await requireAreaUser("staff", requestedPath);
  const nav: NavItem[] = [
    { href: "/admin", label: "Overview", exact: true },
    { href: "/admin/orders", label: "Orders" },
    { href: "/admin/products", label: "Products" },
    ...(can(user, "users:manage")
      ? [
          { href: "/admin/users", label: "Users" },
          { href: "/admin/roles", label: "Roles" },
          { href: "/admin/groups", label: "Visibility groups" },
        ]
      : []),
    { href: "/admin/settings", label: "Settings", exact: true },
    { href: "/admin/settings/api-tokens", label: "API Tokens", sub: true },
    ...(can(user, "users:manage") ? [{ href: "/admin/settings/outgoing-mail", label: "Outgoing mail", sub: true }] : []),
  ];
  return (
    <AppShell areaLabel="Admin panel" nav={nav} userName={user.name} userEmail={user.email}>
      {children}
    </AppShell>
  );
}
