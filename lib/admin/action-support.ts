import "server-only";
import { revalidatePath } from "next/cache";
import { refused, type FormState, type FormValues } from "./form-state";
import { ADMIN_MESSAGES } from "./messages";
import type { MutationResult } from "./refusal";

/** Runs a change; an unexpected failure is logged and becomes a "nothing was changed" refusal. */
export async function attempt<T>(event: string, actorId: string, change: () => Promise<MutationResult<T>>): Promise<MutationResult<T>> {
  try {
    return await change();
  } catch (error) {
    // Only the error's class and code are logged: a message could echo submitted data.
    const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
    console.error(JSON.stringify({ event, actorId, error: String(name ?? "Error"), code: typeof code === "string" ? code : undefined }));
    return { ok: false, message: ADMIN_MESSAGES.failed };
  }
}

/** A refusal as form state: on its field when it has one, with a summary above the form. */
export function refusalState(result: Extract<MutationResult<unknown>, { ok: false }>, values?: FormValues): FormState {
  if (result.field) return refused(ADMIN_MESSAGES.checkFields, { [result.field]: [result.message] }, values);
  return refused(result.message, undefined, values);
}

// Permissions, names and groups show in the navigation and across every administration page.
export function refreshAdminPages(): void {
  revalidatePath("/admin", "layout");
}
