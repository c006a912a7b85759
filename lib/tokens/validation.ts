// The token form's rules, shared by the browser (instant feedback) and the server action (the real check):
// one schema, so the two can never disagree.
import { z } from "zod";

export const TOKEN_NAME_MAX = 100;

export const TOKEN_NAME_MESSAGES = {
  required: "Enter a name for the token.",
  blank: "The name cannot be only spaces.",
  tooLong: `The name must be at most ${TOKEN_NAME_MAX} characters.`,
  controlCharacters: "The name cannot contain control characters such as line breaks or tabs.",
} as const;

// Code points, not UTF-16 units, so an emoji or a character outside the Basic Multilingual Plane counts once.
export function nameLength(name: string): number {
  return [...name].length;
}

// Names are shown in tables and dialogs and stored in every database we support (PostgreSQL refuses NUL).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const tokenNameSchema = z
  .string({ error: TOKEN_NAME_MESSAGES.required })
  .refine((value) => value.length > 0, { message: TOKEN_NAME_MESSAGES.required, abort: true })
  .trim()
  .refine((value) => value.length > 0, { message: TOKEN_NAME_MESSAGES.blank, abort: true })
  .refine((value) => nameLength(value) <= TOKEN_NAME_MAX, { message: TOKEN_NAME_MESSAGES.tooLong, abort: true })
  .refine((value) => !CONTROL_CHARACTERS.test(value), { message: TOKEN_NAME_MESSAGES.controlCharacters });

export const generateTokenSchema = z.object({ name: tokenNameSchema });

export type TokenNameErrors = { name?: string[] };

export type ParsedTokenForm = { success: true; name: string } | { success: false; errors: TokenNameErrors };

/** Reads and validates the generate form; the name comes back trimmed. */
export function parseGenerateTokenForm(formData: FormData): ParsedTokenForm {
  const result = generateTokenSchema.safeParse({ name: formData.get("name") });
  if (result.success) return { success: true, name: result.data.name };
  return { success: false, errors: z.flattenError(result.error).fieldErrors };
}

export const revokeTokenSchema = z.object({ tokenId: z.string().regex(/^[0-9A-Za-z]{12}$/) });
