// What the administration server actions hand back to useActionState. Kept out of the "use server"
// files, which may export only async functions.
export type FieldErrors = Record<string, string[] | undefined>;

// Submitted values come back on refusal because React resets a form after each submission; passwords
// never do.
export type FormValues = Record<string, string | string[]>;

export type FormState =
  | { status: "idle" }
  // confirmPassword: refused until the password is typed again (lib/auth/confirmation.ts).
  | { status: "error"; message: string; errors?: FieldErrors; values?: FormValues; confirmPassword?: true }
  | { status: "success"; message: string };

export const INITIAL_FORM_STATE: FormState = { status: "idle" };

export function refused(message: string, errors?: FieldErrors, values?: FormValues): FormState {
  return { status: "error", message, errors, values };
}

export function succeeded(message: string): FormState {
  return { status: "success", message };
}

/** The first error for a field, for showing beside it. */
export function fieldError(state: FormState, field: string): string | undefined {
  return state.status === "error" ? state.errors?.[field]?.[0] : undefined;
}

export function submittedValue(state: FormState, field: string): string | undefined {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return typeof value === "string" ? value : undefined;
}

export function submittedList(state: FormState, field: string): string[] | undefined {
  const value = state.status === "error" ? state.values?.[field] : undefined;
  return Array.isArray(value) ? value : undefined;
}

/** The submitted values of the named fields, to be handed back with a refusal. */
export function echoValues(formData: FormData, text: string[], lists: string[] = []): FormValues {
  const values: FormValues = {};
  for (const field of text) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  for (const field of lists) values[field] = formData.getAll(field).filter((value): value is string => typeof value === "string");
  return values;
}
