// What every server action hands back to useActionState: one shape for the token pages and the
// administration pages alike. Kept out of the "use server" files, which may export only async functions,
// and free of server code, because the forms read it in the browser.
export type FieldErrors = Record<string, string[] | undefined>;

// Submitted values come back on refusal because React resets a form after each submission; passwords
// never do.
export type FormValues = Record<string, string | string[]>;

/** `Success` is what a successful answer carries besides its message (a new token shown once, say). */
export type ActionState<Success extends object = object> =
  | { status: "idle" }
  // confirmPassword: refused until the password is typed again (lib/auth/confirmation.ts).
  | { status: "error"; message: string; errors?: FieldErrors; values?: FormValues; confirmPassword?: true }
  | ({ status: "success"; message: string } & Success);

/** The guard's refusals, the same for every action. */
export const ACTION_MESSAGES = {
  signedOut: "Your session has ended. Sign in again to continue.",
  notAllowed: "You do not have permission to manage users, roles or visibility groups.",
} as const;

export const INITIAL_ACTION_STATE = { status: "idle" } as const satisfies ActionState;

/** The one "not done" answer: a message above the form, errors beside the fields, the values to put back. */
export function refused(message: string, errors?: FieldErrors, values?: FormValues): Extract<ActionState, { status: "error" }> {
  return { status: "error", message, errors, values };
}

export function succeeded(message: string): { status: "success"; message: string } {
  return { status: "success", message };
}

/** The first error for a field, for showing beside it. */
export function fieldError(state: ActionState<object>, field: string): string | undefined {
  return state.status === "error" ? state.errors?.[field]?.[0] : undefined;
}

export function submittedValue(state: ActionState<object>, field: string): string | undefined {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return typeof value === "string" ? value : undefined;
}

export function submittedList(state: ActionState<object>, field: string): string[] | undefined {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return Array.isArray(value) ? value : undefined;
}

/** The form's fields: single values, and lists (checkbox groups). */
export type FormFields = { text?: readonly string[]; lists?: readonly string[] };

/** The submitted values of the named fields, to be handed back with a refusal. */
export function echoValues(formData: FormData, fields: FormFields): FormValues {
  const values: FormValues = {};
  for (const field of fields.text ?? []) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  for (const field of fields.lists ?? []) values[field] = formData.getAll(field).filter((value): value is string => typeof value === "string");
  return values;
}
