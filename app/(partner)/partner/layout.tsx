import { headers } from "next/headers";
import type { ReactNode } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/http/headers";
import { AppShell } from "@/components/AppShell";
import type { NavItem } from "@/components/NavLinks";
import { requireAreaUser } from "@/lib/auth/session";

const NAV: NavItem[] = [
  { href: "/partner", label: "Overview", exact: true },
  { href: "/partner/orders", label: "Orders" },
  { href: "/partner/api-tokens", label: "API Tokens" },
];

export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const requestedPath = (await headers()).get(REQUEST_PATH_HEADER) ?? "/partner";
  const user = await requireAreaUser("partner", requestedPath);
  return (
    <AppShell areaLabel="Partner hub" nav={NAV} userName={user.name} userEmail={user.email}>
      {children}
    </AppShell>
  );
}
