import Link from "next/link";
import type { Metadata } from "next";
import { TokenTable } from "@/components/TokenTable";
import { API_REFERENCE_PATH } from "@/lib/api/reference-path";
import { requireAreaUser } from "@/lib/auth/session";
import { PARTNER_TOKENS_PATH } from "@/lib/tokens/shared/paths";
import { loadTokenPage } from "@/lib/tokens/server/page-data";
import { readTokenSearchParams, type TokenSearchParams } from "@/lib/tokens/shared/search-params";

export const metadata: Metadata = { title: "API Tokens" };

export default async function PartnerApiTokensPage({ searchParams }: { searchParams: Promise<TokenSearchParams> }) {
  const user = await requireAreaUser("partner", PARTNER_TOKENS_PATH);
  const params = readTokenSearchParams(await searchParams);
  const data = await loadTokenPage(user.id, params);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/partner">Partner hub</Link> <span aria-hidden="true">›</span> API Tokens
      </nav>
      <h1>API Tokens</h1>
      <p className="lead">
        Personal access tokens let integrations call the platform API on your behalf, with your permissions. How to call it:{" "}
        <Link href={API_REFERENCE_PATH}>API reference</Link>.
      </p>
      <TokenTable data={data} params={params} basePath={PARTNER_TOKENS_PATH} />
    </>
  );
}
