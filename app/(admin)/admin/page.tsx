import type { Metadata } from "next";
import { AccessSummary } from "@/components/AccessSummary";
import { requireAreaUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin panel" };

export default async function AdminHomePage() {
  const user = await requireAreaUser("staff", "/admin");
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p className="lead">Admin panel</p>
      <AccessSummary user={user} />
    </>
  );
}
