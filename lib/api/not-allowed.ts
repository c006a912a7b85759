import type { NextRequest } from "next/server";
import { requestIdOf } from "../http/headers";
import { asTokenOwner } from "./authenticate";
import { apiError, errorResponse } from "./errors";
import { checkQueryParams } from "./input";

type Method = "GET" | "POST" | "PATCH";
type Answer = (request: NextRequest) => Promise<Response>;

/**
 * The answers for the methods a route does not serve: a JSON 405, and OPTIONS as 204; both name in `Allow`
 * the methods that really exist for the path (HEAD comes with GET, which Next.js answers for it). OPTIONS
 * takes no query parameters, as every route refuses those it does not take. On a token route they answer
 * only a verified token's owner (401 to anyone else, as every other method there); `publicOtherMethods` is
 * for the public paths.
 */
export function otherMethods(...served: Method[]) {
  const { notAllowed, options } = publicOtherMethods(...served);
  const owned = (answer: Answer): Answer => (request) => asTokenOwner(request, () => answer(request));
  return { notAllowed: owned(notAllowed), options: owned(options) };
}

export function publicOtherMethods(...served: Method[]) {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return {
    notAllowed: async (request: NextRequest): Promise<Response> =>
      apiError("method_not_allowed", { requestId: requestIdOf(request.headers), headers: { Allow: allow } }),
    options: async (request: NextRequest): Promise<Response> => {
      try {
        checkQueryParams(request, []);
      } catch (error) {
        return errorResponse(error, requestIdOf(request.headers));
      }
      return new Response(null, { status: 204, headers: { Allow: allow, "Cache-Control": "no-store" } });
    },
  };
}
