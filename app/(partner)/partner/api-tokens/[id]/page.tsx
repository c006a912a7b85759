import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TokenDetails } from "@/components/tokens/TokenDetails";
import { requireAreaUser } from "@/lib/auth/session";
import { getTokenInsight } from "@/lib/tokens/server/insight";
import { PARTNER_TOKENS_PATH } from "@/lib/tokens/shared/paths";

export const metadata: Metadata = { title: "API token" };

// Only the owner sees a token's details: anyone else's, administrators included, get the same 404 as for a
// token that does not exist.
export default async function PartnerApiTokenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAreaUser("partner", `${PARTNER_TOKENS_PATH}/${encodeURIComponent(id)}`);
  const token = await getTokenInsight(user.id, id);
  if (!token) notFound();
  return <TokenDetails token={token} listPath={PARTNER_TOKENS_PATH} now={new Date()} />;
}
