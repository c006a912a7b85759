import type { ReactNode } from "react";
import { Menu } from "@/components/ui/menu";
import { NavLinks, type NavItem } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

type Props = { areaLabel: string; nav: NavItem[]; userName: string; userEmail: string; children: ReactNode };

function Brand({ areaLabel }: { areaLabel: string }) {
  return (
    <div className="font-bold">
      Platform<small className="block font-normal text-gray-400">{areaLabel}</small>
    </div>
  );
}

function UserBox({ userName, userEmail }: { userName: string; userEmail: string }) {
  return (
    <div className="flex flex-col gap-0.5 p-2 text-sm break-all text-gray-400">
      <div>{userName}</div>
      <div>{userEmail}</div>
      <div className="mt-2">
        <SignOutButton />
      </div>
    </div>
  );
}

/**
 * The frame shared by the admin panel and the partner hub; only the navigation differs. From the md
 * breakpoint the navigation is a sidebar; below it, a bar with a menu button that shows it. The sidebar
 * comes first in the document, so that on a wide screen the visible copy of the navigation is the first.
 */
export function AppShell({ areaLabel, nav, userName, userEmail, children }: Props) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[220px_minmax(0,1fr)]">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-accent shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <nav aria-label="Main" className="shell-nav hidden md:flex">
        <div className="shell-brand">
          <Brand areaLabel={areaLabel} />
        </div>
        <NavLinks items={nav} />
        <div className="mt-auto">
          <UserBox userName={userName} userEmail={userEmail} />
        </div>
      </nav>
      <header className="sticky top-0 z-40 bg-gray-900 text-gray-200 md:hidden">
        <div className="px-4 py-3">
          <Brand areaLabel={areaLabel} />
        </div>
        <Menu
          label="Menu"
          buttonClassName="ui-button absolute top-2 right-3 inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-gray-100 hover:bg-gray-800 focus-visible:outline-2 focus-visible:outline-white"
          panelClassName="border-t border-gray-800 px-3 pb-3"
        >
          <nav aria-label="Main" className="shell-nav-links flex flex-col gap-1 pt-2">
            <NavLinks items={nav} />
          </nav>
          <UserBox userName={userName} userEmail={userEmail} />
        </Menu>
      </header>
      <main id="main-content" tabIndex={-1} className="min-w-0 px-4 py-5 focus:outline-none sm:px-6 md:px-10 md:py-8 lg:max-w-[1200px]">
        {children}
      </main>
    </div>
  );
}
