import type { Metadata } from "next";
import Link from "next/link";
import { TokenPolicyForm } from "@/components/settings/TokenPolicyForm";
import { canManageUsers } from "@/lib/admin/guard";
import { requireAreaUser } from "@/lib/auth/session";
import { getMaxLifetimeDays } from "@/lib/tokens/server/policy";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireAreaUser("staff", "/admin/settings");
  const manager = canManageUsers(user);
  const maxLifetimeDays = manager ? await getMaxLifetimeDays() : null;
  return (
    <>
      <h1>Settings</h1>
      <p className="lead">{manager ? "Your API tokens, and the token policy that applies to every user of this instance." : "Your API tokens."}</p>
      <div className="card">
        <h2>
          <Link href="/admin/settings/api-tokens">API Tokens</Link>
        </h2>
        <p className="muted">Personal access tokens let integrations call the platform API on your behalf.</p>
      </div>
      {manager && (
        <section className="card" aria-labelledby="token-policy-heading">
          <h2 id="token-policy-heading">Token policy (every user)</h2>
          <p className="muted">Limits how long any user&apos;s new API tokens can last. Shorter lifetimes limit the damage of a leaked token.</p>
          <TokenPolicyForm maxLifetimeDays={maxLifetimeDays} />
        </section>
      )}
      {manager && (
        <div className="card">
          <h2>
            <Link href="/admin/settings/outgoing-mail">Outgoing mail</Link>
          </h2>
          <p className="muted">The email notices sent to users about their tokens, and those waiting to be sent.</p>
        </div>
      )}
    </>
  );
}
