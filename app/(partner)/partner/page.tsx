import type { Metadata } from "next";
import { AccessSummary } from "@/components/AccessSummary";
import { requireAreaUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Partner hub" };

export default async function PartnerHomePage() {
  const user = await requireAreaUser("partner", "/partner");
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p className="lead">Partner hub</p>
      <AccessSummary user={user} />
    </>
  );
}
