import type { NextRequest } from "next/server";
import type { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../data/page";
import { API_BODY_LIMIT } from "./body-limits.mjs";
import { ApiError } from "./errors";

// Record IDs (and so cursors, which are the last ID of a page) are opaque strings of this shape.
export const RECORD_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;
// A parameter name is echoed in the message (never its value); a name this long is cut.
const MAX_NAMED_PARAMETER = 64;

/**
 * Refuses any query parameter the route does not take, as unknown body fields are refused: a misspelt
 * `limt=5` or a filter this API does not have must not be silently ignored.
 */
export function checkQueryParams(request: NextRequest, allowed: readonly string[]): void {
  for (const name of request.nextUrl.searchParams.keys()) {
    if (!allowed.includes(name)) throw new ApiError("invalid_request", `${name.slice(0, MAX_NAMED_PARAMETER)}: is not a parameter of this request.`);
  }
}

export const PAGE_PARAMS = ["limit", "cursor"] as const;

/** `limit` and `cursor` of a list request, validated. */
export function pageParams(request: NextRequest): { limit: number; cursor: string | null } {
  const search = request.nextUrl.searchParams;
  const rawLimit = search.get("limit");
  const limit = rawLimit === null ? DEFAULT_PAGE_SIZE : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? "1") || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError("invalid_request", `limit: must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const cursor = search.get("cursor");
  if (cursor !== null && !RECORD_ID_PATTERN.test(cursor)) throw new ApiError("invalid_request", "cursor: is not a cursor from a previous page.");
  return { limit, cursor };
}

/**
 * The body as text: 415 unless it is declared JSON, 413 when it is larger than `maxBytes` (refused on the
 * declared length before anything is read, and by counting while reading when no length was declared). The
 * server refuses larger bodies before they are read (scripts/body-limit.mjs); this holds wherever the app
 * runs without it (next dev, next start).
 */
export async function jsonBodyText(request: Request, maxBytes: number = API_BODY_LIMIT): Promise<string> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) throw new ApiError("unsupported_media_type");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new ApiError("payload_too_large");
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ApiError("payload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The JSON body, validated against the schema; a 400 naming the first bad field otherwise. */
export async function jsonBody<T>(request: NextRequest, schema: z.ZodType<T>, maxBytes: number = API_BODY_LIMIT): Promise<T> {
  const text = await jsonBodyText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_request", "The body is not valid JSON.");
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length ? issue.path.join(".") : "body";
    throw new ApiError("invalid_request", `${field}: ${issue.message}`);
  }
  return result.data;
}

/** Record ids are opaque strings; anything else cannot name a record. */
export function isRecordId(value: string): boolean {
  return RECORD_ID_PATTERN.test(value);
}
