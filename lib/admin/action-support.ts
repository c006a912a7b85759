import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { refused, succeeded, type ActionState } from "../actions/state";
import { ADMIN_MESSAGES } from "./messages";
import type { MutationResult } from "./refusal";

/**
 * An administration change's outcome as the form shows it: a refusal on its field when it has one (with a
 * summary above the form), else `success`. The administration pages are refreshed after a change.
 */
export function changeOutcome<T>(result: MutationResult<T>, success: (value: T) => string): ActionState {
  if (!result.ok) return changeRefusal(result);
  refreshAdminPages();
  return succeeded(success(result.value));
}

/**
 * A change that leaves the page it was made on (a deletion, a creation that opens the new record): the
 * refusal on the form when it was refused, else the administration pages are refreshed and the browser
 * goes to `destination(value)`.
 */
export function changeThenGo<T>(result: MutationResult<T>, destination: (value: T) => string): ActionState {
  if (!result.ok) return changeRefusal(result);
  refreshAdminPages();
  redirect(destination(result.value));
}

/** A refused change as the form shows it: on its field when it has one, with a summary above the form. */
export function changeRefusal(result: Extract<MutationResult<unknown>, { ok: false }>): ActionState {
  return result.field ? refused(ADMIN_MESSAGES.checkFields, { [result.field]: [result.message] }) : refused(result.message);
}

// Permissions, names and groups show in the navigation and across every administration page.
export function refreshAdminPages(): void {
  revalidatePath("/admin", "layout");
}
