import { z } from "zod";
import type { ParsedInput } from "./server-action";
import type { FieldErrors, FormFields } from "./state";

export type Parsed<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** Reads the named fields from a form (lists for the repeated ones) and checks them against the schema. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, fields: FormFields): Parsed<z.output<S>> {
  const raw: Record<string, unknown> = {};
  for (const field of fields.text ?? []) raw[field] = formData.get(field) ?? undefined;
  for (const field of fields.lists ?? []) raw[field] = formData.getAll(field);
  const result = schema.safeParse(raw);
  if (result.success) return { success: true, data: result.data };
  return { success: false, errors: z.flattenError(result.error).fieldErrors as FieldErrors };
}

/** A server action's input step for a plain form: refused with `message` above the form and the errors beside the fields. */
export function formInput<S extends z.ZodType>(schema: S, fields: FormFields, message: string) {
  return (formData: FormData): ParsedInput<z.output<S>> => {
    const parsed = parseForm(schema, formData, fields);
    return parsed.success ? { ok: true, input: parsed.data } : { ok: false, message, errors: parsed.errors };
  };
}
