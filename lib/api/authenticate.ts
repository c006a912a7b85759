import "server-only";
import type { NextRequest } from "next/server";
import { clientAddressOf } from "../http/client-address";
import { requestIdOf, TOKEN_ID_RESPONSE_HEADER } from "../http/headers";
import { countFailure, isLimited, LIMITS } from "../security/limiter";
import { recordTokenUse } from "../tokens/usage/last-used";
import { verifyToken } from "../tokens/server/verify";
import { apiError, errorResponse } from "./errors";
import { quotaHeaders, spendTokenQuota } from "./quota";

/** The token's owner as verified for this request: who they are and what they may do right now. */
export type Principal = {
  tokenId: string;
  tokenName: string;
  user: { id: string; email: string; name: string };
  permissions: string[];
  groups: { id: string; name: string }[];
};

// A real header is "Bearer " + 60 characters; anything far longer is refused before it is parsed.
const MAX_AUTHORIZATION_LENGTH = 256;

function bearerToken(header: string | null): string | null {
  if (!header || header.length > MAX_AUTHORIZATION_LENGTH) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1] : null;
}

function tooManyFailures(retryAfterSeconds: number, requestId: string | null): Response {
  return apiError("rate_limited", { requestId, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * Answers the request as the owner of the bearer token it carries, or refuses it (401, 429) without calling
 * `answer`. The token is verified against the database on every request, never from a cache: a revoke or a
 * role change applies to the very next request on every instance. Whatever `answer` returns, error or not,
 * carries the token's ID (for the request log) and its quota headers.
 */
export async function asTokenOwner(request: NextRequest, answer: (principal: Principal) => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const address = clientAddressOf(request.headers);
  const limiterKey = `api-auth:${address}`;
  const blocked = await isLimited(limiterKey, LIMITS.apiAuthPerAddress);
  if (blocked.limited) return tooManyFailures(blocked.retryAfterSeconds, requestId);

  const token = bearerToken(request.headers.get("authorization"));
  // One clock reading decides expiry and stamps the use.
  const now = new Date();
  let verified;
  try {
    verified = token ? await verifyToken(token, now) : null;
  } catch (error) {
    return errorResponse(error, requestId);
  }
  if (!verified) {
    const state = await countFailure(limiterKey, LIMITS.apiAuthPerAddress);
    return state.limited ? tooManyFailures(state.retryAfterSeconds, requestId) : apiError("unauthorized", { requestId });
  }

  // The quota is counted only once the token is verified: nobody else can spend a token's quota.
  const quota = await spendTokenQuota(verified.tokenId);
  let response: Response;
  if (quota.limited) {
    response = apiError("rate_limited", {
      requestId,
      message: "This token's request quota is spent. Try again after the time in Retry-After.",
      headers: { "Retry-After": String(quota.resetSeconds) },
    });
  } else {
    recordTokenUse(verified, address, request.headers.get("user-agent"), now);
    const { owner } = verified;
    response = await answer({
      tokenId: verified.tokenId,
      tokenName: verified.tokenName,
      user: { id: owner.id, email: owner.email, name: owner.name },
      permissions: owner.permissions,
      groups: owner.groups,
    });
  }
  response.headers.set(TOKEN_ID_RESPONSE_HEADER, verified.tokenId);
  for (const [name, value] of Object.entries(quotaHeaders(quota))) response.headers.set(name, value);
  return response;
}
