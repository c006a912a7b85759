import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { clientAddressOf } from "../http/client-address";
import { PRINCIPAL_HEADER, requestIdOf, TOKEN_ID_RESPONSE_HEADER } from "../http/headers";
import { countFailure, isLimited, LIMITS } from "../security/limiter";
import { recordTokenUse } from "../tokens/usage/last-used";
import { verifyToken } from "../tokens/server/verify";
import { apiError, errorResponse } from "./errors";
import { issuePrincipal } from "./principal";
import { quotaHeaders, spendTokenQuota } from "./quota";

// Paths under /api/v1 that need no token.
const PUBLIC_PATHS = new Set(["/api/v1", "/api/v1/openapi.json", "/api/v1/credentials/revoke"]);

// A real header is "Bearer " + 60 characters; anything far longer is refused before it is parsed.
const MAX_AUTHORIZATION_LENGTH = 256;

function bearerToken(header: string | null): string | null {
  if (!header || header.length > MAX_AUTHORIZATION_LENGTH) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match ? match[1] : null;
}

function tooManyFailures(retryAfterSeconds: number, requestId: string | null): NextResponse {
  return apiError("rate_limited", { requestId, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** Middleware for /api/v1: verifies the bearer token and hands the verified principal to the handlers. */
export async function authenticateApiRequest(request: NextRequest): Promise<Response> {
  // Public routes never claim a principal (they are publicRoute(), not apiRoute()), so a client's copy of the
  // header is harmless there and the request goes on untouched: copying every header costs Next.js work.
  if (PUBLIC_PATHS.has(request.nextUrl.pathname)) return NextResponse.next();

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
  if (quota.limited) {
    const refused = apiError("rate_limited", {
      requestId,
      message: "This token's request quota is spent. Try again after the time in Retry-After.",
      headers: { ...quotaHeaders(quota), "Retry-After": String(quota.resetSeconds) },
    });
    refused.headers.set(TOKEN_ID_RESPONSE_HEADER, verified.tokenId);
    return refused;
  }

  recordTokenUse(verified, address, request.headers.get("user-agent"), now);
  const { owner } = verified;
  // Only this function may set the principal: it replaces any copy the client sent.
  const headers = new Headers(request.headers);
  headers.set(
    PRINCIPAL_HEADER,
    issuePrincipal({
      tokenId: verified.tokenId,
      tokenName: verified.tokenName,
      user: { id: owner.id, email: owner.email, name: owner.name },
      permissions: owner.permissions,
      groups: owner.groups,
    }),
  );
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(TOKEN_ID_RESPONSE_HEADER, verified.tokenId);
  // Next.js adds middleware's response headers to the handler's answer, whatever its status.
  for (const [name, value] of Object.entries(quotaHeaders(quota))) response.headers.set(name, value);
  return response;
}
