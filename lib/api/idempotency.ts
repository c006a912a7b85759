import "server-only";
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import { isUniqueViolation } from "../admin/transaction";
import { db } from "../db/client";
import { ApiError } from "./errors";
import { jsonBodyText } from "./input";
import { processWide } from "../process-state.mjs";
import { errorFields, logger } from "../log/logger.mjs";

// Safe retries of writes, with Stripe's semantics. A write sent with an Idempotency-Key runs once per token
// and key: a retry with the same method, path and body within 24 hours gets the first answer again (its
// status and body, marked Idempotent-Replayed: true) and writes nothing; the same key with another request
// is 422 idempotency_key_reused. Keys are scoped to the token, so one token's keys never collide with
// another's. The first request claims the key by inserting its row (a unique index on token and key), so
// two requests racing on two instances still run once: the second waits briefly for the answer and
// replays it, or gets 409 idempotency_conflict.
// What is kept: answers the handler gave once it ran, 2xx and 4xx (a validation failure replays as the same
// 400, since the same body would fail the same way). A 5xx, or an error thrown past the handler, releases
// the key so that a retry runs again. A request that never finishes (its instance died) keeps the key
// claimed until it expires: a retry then gets 409 rather than risking a second write.
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "Idempotent-Replayed";

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60_000;
const WAIT_FOR_FIRST_MS = 3_000;
const POLL_MS = 50;
const SWEEP_INTERVAL_MS = 60_000;

type StoredAnswer = { status: number; body: string };
type Claim = { kind: "claimed"; id: string } | { kind: "replay"; answer: StoredAnswer };

const sweeps = processWide("platformIdempotencySweeps", () => ({ lastAt: 0 }));

// Expired keys are removed lazily, at most once a minute per instance and only by requests that send a key.
function sweepExpired(now: number): void {
  if (now - sweeps.lastAt < SWEEP_INTERVAL_MS) return;
  sweeps.lastAt = now;
  db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now - RETENTION_MS) } } }).catch((error: unknown) => {
    logger.error({ event: "idempotency_sweep_failed", ...errorFields(error) });
  });
}

async function claim(tokenId: string, key: string, fingerprint: string, now: number): Promise<Claim> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    try {
      const row = await db.idempotencyKey.create({ data: { tokenId, key, fingerprint, createdAt: new Date(now) }, select: { id: true } });
      return { kind: "claimed", id: row.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.idempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
    if (!existing) continue; // released by a first attempt that failed: claim it again
    if (existing.createdAt.getTime() <= now - RETENTION_MS) {
      await db.idempotencyKey.deleteMany({ where: { id: existing.id, createdAt: existing.createdAt } });
      continue;
    }
    if (existing.fingerprint !== fingerprint) throw new ApiError("idempotency_key_reused");
    if (existing.status !== null && existing.responseBody !== null) return { kind: "replay", answer: { status: existing.status, body: existing.responseBody } };
    if (Date.now() >= deadline) throw new ApiError("idempotency_conflict");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function replay({ status, body }: StoredAnswer, requestId: string | null): Response {
  let text = body;
  // A stored error names the first request's ID; the replay is answered under this request's own.
  try {
    const parsed = JSON.parse(body) as { error?: { requestId?: string } };
    if (parsed.error && requestId) {
      parsed.error.requestId = requestId;
      text = JSON.stringify(parsed);
    }
  } catch {
    // Stored bodies are the handlers' JSON; anything else is replayed as it was.
  }
  return new Response(text, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", [REPLAYED_HEADER]: "true" } });
}

/** Runs the write once per token and Idempotency-Key (when the request sends one); see above. */
export async function withIdempotencyKey(request: NextRequest, tokenId: string, requestId: string | null, execute: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return execute();
  if (!KEY_PATTERN.test(key)) throw new ApiError("invalid_request", "Idempotency-Key: must be 1 to 255 printable ASCII characters.");
  // The body is read from a copy: the handler reads (and validates) the original.
  const body = await jsonBodyText(request.clone());
  const fingerprint = crypto.createHash("sha256").update(`${request.method}\n${request.nextUrl.pathname}${request.nextUrl.search}\n${body}`).digest("hex");
  const now = Date.now();
  sweepExpired(now);
  const claimed = await claim(tokenId, key, fingerprint, now);
  if (claimed.kind === "replay") return replay(claimed.answer, requestId);

  const release = () => db.idempotencyKey.deleteMany({ where: { id: claimed.id } });
  let response: Response;
  try {
    response = await execute();
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
  if (response.status >= 500) {
    await release().catch(() => {});
    return response;
  }
  await db.idempotencyKey.update({ where: { id: claimed.id }, data: { status: response.status, responseBody: await response.clone().text() } });
  return response;
}
