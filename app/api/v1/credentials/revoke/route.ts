import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { apiError, errorResponse } from "@/lib/api/errors";
import { CREDENTIAL_REPORT_BODY_LIMIT } from "@/lib/api/body-limits.mjs";
import { jsonBody } from "@/lib/api/input";
import { clientAddressOf } from "@/lib/http/client-address";
import { requestIdOf } from "@/lib/http/headers";
import { logger } from "@/lib/log/logger.mjs";
import { countFailure, LIMITS } from "@/lib/security/limiter";
import { MAX_REPORTED_CREDENTIALS, revokeReportedTokens } from "@/lib/tokens/server/lifecycle";
import { publicOtherMethods } from "@/lib/api/not-allowed";

// Leaked-token reports, as GitHub's credential revocation API takes them: anyone who finds tokens in a
// public place may send them here without authentication, and every genuine one is revoked at once. The
// answer is the same whatever was sent, so the endpoint cannot be used to test whether a value is a
// live token. Every report counts against the sender's address, valid or not.
const reportSchema = z
  .object({
    credentials: z
      .array(z.string().max(200, "each value must be at most 200 characters"))
      .min(1, "must list at least one value")
      .max(MAX_REPORTED_CREDENTIALS, `must list at most ${MAX_REPORTED_CREDENTIALS} values`),
  })
  .strict();

export async function POST(request: NextRequest): Promise<Response> {
  const requestId = requestIdOf(request.headers);
  const limit = await countFailure(`credential-report:${clientAddressOf(request.headers)}`, LIMITS.credentialReportsPerAddress);
  if (limit.limited) {
    return apiError("rate_limited", { requestId, message: "Too many reports. Try again later.", headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  }
  try {
    const { credentials } = await jsonBody(request, reportSchema, CREDENTIAL_REPORT_BODY_LIMIT);
    const revoked = await revokeReportedTokens(credentials);
    // The count goes to the server log only; no token value is ever logged.
    logger.info({ event: "credential_report", values: credentials.length, revoked });
    return NextResponse.json({ status: "accepted" }, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}

const { notAllowed, options } = publicOtherMethods("POST");
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, options as OPTIONS };
