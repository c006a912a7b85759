import type { Metadata } from "next";
import { TokenTable } from "@/components/TokenTable";
import { requireAreaUser } from "@/lib/auth/session";
import { PARTNER_TOKENS_PATH } from "@/lib/tokens/paths";
import { readTokenSearchParams, type TokenSearchParams } from "@/lib/tokens/search-params";
import { listTokens } from "@/lib/tokens/store";

export const metadata: Metadata = { title: "API Tokens" };

export default async function PartnerApiTokensPage({ searchParams }: { searchParams: Promise<TokenSearchParams> }) {
  const user = await requireAreaUser("partner", PARTNER_TOKENS_PATH);
  const { query, cursor } = readTokenSearchParams(await searchParams);
  const page = await listTokens(user.id, { query, cursor });
  return (
    <>
      <h1>API Tokens</h1>
      <p className="lead">Personal access tokens let integrations call the platform API on your behalf, with your permissions.</p>
      <TokenTable tokens={page.tokens} nextCursor={page.nextCursor} query={query} isFirstPage={!cursor} basePath={PARTNER_TOKENS_PATH} />
    </>
  );
}
