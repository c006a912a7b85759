// A token's activity timeline. Every change to a token writes its event in the same transaction as the
// change itself, so the timeline can never claim something that did not happen, or miss something that did.
import type { Prisma } from "../../db/generated/sqlite/client";

export type TokenEventKind = "created" | "regenerated" | "revoked" | "new_address" | "owner_deactivated" | "owner_reactivated";

export type RevokeReason = "owner" | "reported";

export type TokenEventInput = { tokenId: string; kind: TokenEventKind; detail?: string | null; at?: Date };

type EventWriter = Pick<Prisma.TransactionClient, "tokenEvent">;

export async function recordTokenEvents(tx: EventWriter, events: TokenEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.tokenEvent.createMany({
    data: events.map(({ tokenId, kind, detail, at }) => ({ tokenId, kind, detail: detail ?? null, ...(at ? { createdAt: at } : {}) })),
  });
}
