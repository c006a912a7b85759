import type { Metadata } from "next";
import Link from "next/link";
import { requireAreaUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAreaUser("staff", "/admin/settings");
  return (
    <>
      <h1>Settings</h1>
      <p className="lead">Your personal settings.</p>
      <div className="card">
        <h2>
          <Link href="/admin/settings/api-tokens">API Tokens</Link>
        </h2>
        <p className="muted">Personal access tokens let integrations call the platform API on your behalf.</p>
      </div>
    </>
  );
}
