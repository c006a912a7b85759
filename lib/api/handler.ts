import "server-only";
import type { NextRequest } from "next/server";
import { hasPermission, type Permission } from "../access/permissions";
import { PRINCIPAL_HEADER, requestIdOf } from "../http/headers";
import { apiError, errorResponse } from "./errors";
import { withIdempotencyKey } from "./idempotency";
import { checkQueryParams } from "./input";
import { claimPrincipal, type Principal } from "./principal";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (input: { request: NextRequest; principal: Principal; params: P }) => Promise<Response>;
type RouteOptions = {
  /** The query parameters the route takes; any other is a 400 naming it. */
  query?: readonly string[];
  /** Writes that honour Idempotency-Key (lib/api/idempotency.ts). */
  idempotent?: boolean;
};

/**
 * Wraps an /api/v1 route handler. The handler runs only with the principal that middleware kept for this
 * request, so a route the middleware missed fails closed; it runs only when the principal holds the
 * permission; any error becomes the one JSON error shape, never a stack trace; and no response may be cached.
 */
export function apiRoute<P = Record<string, never>>(permission: Permission | null, handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    const requestId = requestIdOf(request.headers);
    const principal = claimPrincipal(request.headers.get(PRINCIPAL_HEADER));
    if (!principal) return apiError("unauthorized", { requestId });
    if (permission && !hasPermission(principal.permissions, permission)) return apiError("forbidden", { requestId });
    const run = async (): Promise<Response> => {
      try {
        return await handler({ request, principal, params: await context.params });
      } catch (error) {
        return errorResponse(error, requestId);
      }
    };
    let response: Response;
    try {
      checkQueryParams(request, options.query ?? []);
      response = options.idempotent ? await withIdempotencyKey(request, principal.tokenId, requestId, run) : await run();
    } catch (error) {
      return errorResponse(error, requestId);
    }
    // What a token reads is its owner's data: no browser or proxy cache may keep it.
    if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
