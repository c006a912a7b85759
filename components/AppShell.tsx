import type { ReactNode } from "react";
import { NavLinks, type NavItem } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

type Props = { areaLabel: string; nav: NavItem[]; userName: string; userEmail: string; children: ReactNode };

/** The frame shared by the admin panel and the partner hub; only the navigation differs. */
export function AppShell({ areaLabel, nav, userName, userEmail, children }: Props) {
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <div className="shell-brand">
          Platform<small>{areaLabel}</small>
        </div>
        <NavLinks items={nav} />
        <div className="shell-user">
          <div>{userName}</div>
          <div>{userEmail}</div>
          <SignOutButton />
        </div>
      </nav>
      <main className="shell-main">{children}</main>
    </div>
  );
}
