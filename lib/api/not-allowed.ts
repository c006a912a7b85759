import type { NextRequest } from "next/server";
import { requestIdOf } from "../http/headers";
import { apiError } from "./errors";

/** Exported by a route for the methods it does not serve, so they get the JSON 405 instead of an empty one. */
export async function methodNotAllowed(request: NextRequest): Promise<Response> {
  return apiError("method_not_allowed", { requestId: requestIdOf(request.headers) });
}
