import type { NextRequest } from "next/server";
import type { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../data/page";
import { API_BODY_LIMIT } from "./body-limits.mjs";
import { ApiError } from "./errors";

const CURSOR_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/** `limit` and `cursor` of a list request, validated. */
export function pageParams(request: NextRequest): { limit: number; cursor: string | null } {
  const search = request.nextUrl.searchParams;
  const rawLimit = search.get("limit");
  const limit = rawLimit === null ? DEFAULT_PAGE_SIZE : Number(rawLimit);
  if (!/^\d+$/.test(rawLimit ?? "1") || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError("invalid_request", `limit: must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const cursor = search.get("cursor");
  if (cursor !== null && !CURSOR_PATTERN.test(cursor)) throw new ApiError("invalid_request", "cursor: is not a cursor from a previous page.");
  return { limit, cursor };
}

/** The JSON body, validated against the schema; a 400 naming the first bad field otherwise. */
export async function jsonBody<T>(request: NextRequest, schema: z.ZodType<T>, maxBytes: number = API_BODY_LIMIT): Promise<T> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiError("invalid_request", "The body must be JSON (Content-Type: application/json).");
  }
  // The server refused larger bodies before they were read (scripts/body-limit.mjs); this holds wherever
  // the app runs without it (next dev, next start).
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new ApiError("payload_too_large");
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
  return /^[0-9A-Za-z_-]{1,64}$/.test(value);
}
