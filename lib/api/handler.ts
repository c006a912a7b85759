import "server-only";
import type { NextRequest } from "next/server";
import { hasPermission, type Permission } from "../access/permissions";
import { requestIdOf } from "../http/headers";
import { asTokenOwner, type Principal } from "./authenticate";
import { apiError, errorResponse } from "./errors";
import { withIdempotencyKey } from "./idempotency";
import { checkQueryParams } from "./input";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (input: { request: NextRequest; principal: Principal; params: P }) => Promise<Response>;
type RouteOptions = {
  /** The query parameters the route takes; any other is a 400 naming it. */
  query?: readonly string[];
  /** Writes that honour Idempotency-Key (lib/api/idempotency.ts). */
  idempotent?: boolean;
};

/**
 * Wraps an /api/v1 route handler. The handler runs only for a verified token's owner (lib/api/authenticate.ts)
 * and only when the owner holds the permission; any error becomes the one JSON error shape, never a stack
 * trace; and no response may be cached.
 */
export function apiRoute<P = Record<string, never>>(permission: Permission | null, handler: Handler<P>, options: RouteOptions = {}) {
  return (request: NextRequest, context: RouteContext<P>): Promise<Response> =>
    asTokenOwner(request, async (principal) => {
      const requestId = requestIdOf(request.headers);
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
    });
}
