import "server-only";
import type { NextRequest } from "next/server";
import { requestIdOf } from "../http/headers";
import { errorResponse } from "./errors";
import { checkQueryParams } from "./input";

type PublicHandler = (request: NextRequest) => Response | Promise<Response>;

/**
 * Wraps a route that needs no token: like the authenticated routes, it refuses query parameters it does
 * not take (a 400 naming them), and any failure becomes the one JSON error shape.
 */
export function publicRoute(handler: PublicHandler, options: { query?: readonly string[]; headers?: Record<string, string> } = {}) {
  return async (request: NextRequest): Promise<Response> => {
    let response: Response;
    try {
      checkQueryParams(request, options.query ?? []);
      response = await handler(request);
    } catch (error) {
      response = errorResponse(error, requestIdOf(request.headers));
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) response.headers.set(name, value);
    return response;
  };
}

/** The deployment's public origin: the configured NEXTAUTH_URL, else the one this request reached. */
export function publicOrigin(request: NextRequest): string {
  const configured = process.env.NEXTAUTH_URL;
  return (configured ? new URL(configured) : request.nextUrl).origin;
}
