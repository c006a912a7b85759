import type { Metadata } from "next";
import { NoPermission } from "@/components/NoPermission";
import { OutboxTable } from "@/components/settings/OutboxTable";
import { canManageUsers } from "@/lib/admin/guard";
import { requireAreaUser } from "@/lib/auth/session";
import { latestNotices, OUTBOX_SHOWN } from "@/lib/notices/outbox-queries";
import { deliverySettings } from "@/lib/notices/settings";

export const metadata: Metadata = { title: "Outgoing mail" };

// The notices the app mails to users. Without SMTP_URL nothing is sent and this page is where they can be
// read; with it, it shows what was delivered, what waits for a retry and what was given up.
export default async function OutgoingMailPage() {
  const user = await requireAreaUser("staff", "/admin/settings/outgoing-mail");
  if (!canManageUsers(user)) return <NoPermission permission="users:manage" />;
  const entries = await latestNotices();
  const delivering = deliverySettings().smtpUrl !== null;
  return (
    <>
      <h1>Outgoing mail</h1>
      <p className="lead">
        {delivering
          ? "Notices to users are delivered over SMTP; failed deliveries are retried with increasing delays."
          : "No SMTP server is configured (SMTP_URL), so notices to users are kept here and not sent."}{" "}
        The newest {OUTBOX_SHOWN} are shown.
      </p>
      <OutboxTable entries={entries} />
    </>
  );
}
