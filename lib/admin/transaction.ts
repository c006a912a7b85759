// Runs an administration change as one serializable transaction, so that the rules it checks (names not
// taken, roles not in use, someone left with users:manage) still hold when it commits. A transaction that
// lost a race with another writer is retried; a refusal is returned as a message.
import type { Db } from "../db/connect";
import type { Prisma } from "../db/generated/sqlite/client";
import { ADMIN_MESSAGES } from "./messages";
import { AdminRefusal, type MutationResult } from "./refusal";

export type Tx = Prisma.TransactionClient;

const ATTEMPTS = 3;

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

// P2034: PostgreSQL's serialization failure. P1008: SQLite still busy, or a read snapshot that another
// process wrote past before this transaction could write. A conflict found only at COMMIT arrives as the
// driver adapter's own error, which names the kind instead of a code.
function isWriteConflict(error: unknown): boolean {
  const code = prismaCode(error);
  const kind = (error as { cause?: { kind?: unknown } } | null)?.cause?.kind;
  return code === "P2034" || code === "P1008" || kind === "TransactionWriteConflict" || kind === "SocketTimeout";
}

/** True for a unique-constraint violation: a name or email taken by a change that committed meanwhile. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

/** True for a foreign-key violation: a row referenced by another, or referencing one that is gone. */
export function isForeignKeyViolation(error: unknown): boolean {
  return prismaCode(error) === "P2003";
}

/**
 * Runs the change; `translate` names the refusal for a database error that a concurrent change can still
 * cause after the change's own checks (a unique name taken, a row gone).
 */
export async function runChange<T>(
  db: Db,
  change: (tx: Tx) => Promise<T>,
  translate: (error: unknown) => AdminRefusal | undefined = () => undefined,
): Promise<MutationResult<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await db.$transaction(change, { isolationLevel: "Serializable", maxWait: 5_000, timeout: 10_000 });
      return { ok: true, value };
    } catch (error) {
      const refusal = error instanceof AdminRefusal ? error : translate(error);
      if (refusal) return { ok: false, message: refusal.message, field: refusal.field };
      if (!isWriteConflict(error)) throw error;
      if (attempt >= ATTEMPTS) return { ok: false, message: ADMIN_MESSAGES.conflict };
    }
  }
}
