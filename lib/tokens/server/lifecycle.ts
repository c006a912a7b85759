import "server-only";
import { db } from "../../db/client";
import { queueNotice } from "../../notices/outbox";
import { recordTokenEvents } from "./events";
import { formatToken, generateToken, maskToken, parseToken } from "./format";
import { hashSecret, secretMatches } from "./hash";

// What happens to a token after it is made, besides its owner revoking it: regeneration with an overlap
// window, and revocation because someone reported the token as exposed.

export type RegenerateResult = { ok: true; token: string; name: string; masked: string } | { ok: false; reason: "missing" | "expired" };

/**
 * Issues a new secret for the owner's token: same ID, name, expiry and history. The old secret keeps
 * working for `overlapSeconds` (0: it stops at once), so integrations can switch without downtime. The
 * update is conditional on the secret it replaces, so two regenerations racing cannot both succeed.
 */
export async function regenerateToken(ownerId: string, tokenId: string, overlapSeconds: number, now: Date = new Date()): Promise<RegenerateResult> {
  const secret = generateToken().secret;
  // Read outside the transaction: on SQLite a transaction that reads first and writes later fails at once
  // (it cannot wait) when another connection wrote in between. The conditional update below makes the
  // read safe anyway: it changes nothing unless the row still holds the secret that was read.
  const current = await db.apiToken.findFirst({
    where: { id: tokenId, userId: ownerId, revokedAt: null },
    select: { name: true, secretHash: true, expiresAt: true },
  });
  if (!current) return { ok: false, reason: "missing" };
  if (current.expiresAt && current.expiresAt <= now) return { ok: false, reason: "expired" };
  const overlapEnds = overlapSeconds > 0 ? new Date(now.getTime() + overlapSeconds * 1000) : null;
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: ownerId, revokedAt: null, secretHash: current.secretHash, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: {
        secretHash: hashSecret(secret),
        previousSecretHash: overlapEnds ? current.secretHash : null,
        previousSecretExpiresAt: overlapEnds,
        regeneratedAt: now,
      },
    });
    if (count !== 1) return false;
    await recordTokenEvents(tx, [{ tokenId, kind: "regenerated", detail: String(overlapSeconds), at: now }]);
    await queueNotice(tx, { kind: "token_regenerated", tokenId, at: now });
    return true;
  });
  if (!written) return { ok: false, reason: "missing" };
  return { ok: true, token: formatToken(tokenId, secret), name: current.name, masked: maskToken(tokenId) };
}

/** At most this many values in one report, as GitHub's credential revocation API allows. */
export const MAX_REPORTED_CREDENTIALS = 1000;

/**
 * Revokes every reported value that is a genuine, unrevoked token (its current secret, or its previous
 * one while that still works). Values that are malformed, unknown or wrong are ignored alike: the caller
 * learns nothing about which were real. Returns how many tokens were revoked, for the server log only.
 */
export async function revokeReportedTokens(values: string[], now: Date = new Date()): Promise<number> {
  const reported = new Map<string, string[]>();
  for (const value of values) {
    const parsed = parseToken(value.trim());
    if (parsed) reported.set(parsed.tokenId, [...(reported.get(parsed.tokenId) ?? []), parsed.secret]);
  }
  if (reported.size === 0) return 0;
  const rows = await db.apiToken.findMany({
    where: { id: { in: [...reported.keys()] }, revokedAt: null },
    select: { id: true, secretHash: true, previousSecretHash: true, previousSecretExpiresAt: true },
  });
  const genuine = rows
    .filter((row) =>
      reported.get(row.id)!.some(
        (secret) =>
          secretMatches(secret, row.secretHash) ||
          (row.previousSecretHash !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now && secretMatches(secret, row.previousSecretHash)),
      ),
    )
    .map((row) => row.id);
  if (genuine.length === 0) return 0;
  return db.$transaction(async (tx) => {
    let revoked = 0;
    for (const tokenId of genuine) {
      const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now, revokedReason: "reported" } });
      if (count === 1) {
        await recordTokenEvents(tx, [{ tokenId, kind: "revoked", detail: "reported", at: now }]);
        await queueNotice(tx, { kind: "token_reported", tokenId, at: now });
        revoked += 1;
      }
    }
    return revoked;
  });
}
