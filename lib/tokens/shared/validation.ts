// The token form's rules, shared by the browser (instant feedback) and the server action (the real check):
// one schema, so the two can never disagree.
import { z } from "zod";
import { defaultExpiryChoice, EXPIRY_CHOICES, EXPIRY_MESSAGES, resolveExpiry } from "./expiry";

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

export const generateTokenSchema = z.object({
  name: tokenNameSchema,
  expiry: z.enum(EXPIRY_CHOICES, { error: EXPIRY_MESSAGES.choice }),
  expiresOn: z.string().optional(),
});

export type TokenFormErrors = { name?: string[]; expiry?: string[] };

export type ParsedTokenForm = { success: true; name: string; expiresAt: Date | null } | { success: false; errors: TokenFormErrors };

/** What the expiry is checked against: the moment of generation and the administrator's cap. */
export type ExpiryContext = { now: Date; maxLifetimeDays: number | null };

function text(formData: FormData, field: string): string | undefined {
  const value = formData.get(field);
  return typeof value === "string" ? value : undefined;
}

/** Reads and validates the generate form; the name comes back trimmed, the expiry as a time (or null). */
export function parseGenerateTokenForm(formData: FormData, context: ExpiryContext): ParsedTokenForm {
  const result = generateTokenSchema.safeParse({
    name: formData.get("name"),
    // A submission without the field (a script, an old form) gets the default lifetime, never "no expiry".
    expiry: text(formData, "expiry") ?? defaultExpiryChoice(context.maxLifetimeDays),
    expiresOn: text(formData, "expiresOn") || undefined,
  });
  if (!result.success) return { success: false, errors: z.flattenError(result.error).fieldErrors };
  const expiry = resolveExpiry(result.data.expiry, result.data.expiresOn, context.now, context.maxLifetimeDays);
  if (!expiry.ok) return { success: false, errors: { expiry: [expiry.message] } };
  return { success: true, name: result.data.name, expiresAt: expiry.expiresAt };
}

const tokenIdSchema = z.string().regex(/^[0-9A-Za-z]{12}$/);

export const TOKEN_NOTE_MAX = 500;

export const TOKEN_NOTE_MESSAGES = {
  tooLong: `The note must be at most ${TOKEN_NOTE_MAX} characters.`,
  controlCharacters: "The note cannot contain control characters other than line breaks.",
} as const;

// A note is several lines of plain text: line breaks are kept, every other control character is refused for
// the same reasons as in names. Counted in code points, as names are.
const NOTE_CONTROL_CHARACTERS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The note as stored: trimmed, line breaks as \n, and null when empty (clearing the note). */
export const tokenNoteSchema = z
  .string()
  .transform((value) => value.replace(/\r\n?/g, "\n").trim())
  .refine((value) => nameLength(value) <= TOKEN_NOTE_MAX, { message: TOKEN_NOTE_MESSAGES.tooLong, abort: true })
  .refine((value) => !NOTE_CONTROL_CHARACTERS.test(value), { message: TOKEN_NOTE_MESSAGES.controlCharacters })
  .transform((value) => (value === "" ? null : value));

export const editTokenNoteSchema = z.object({ tokenId: tokenIdSchema, note: tokenNoteSchema });

export const revokeTokenSchema = z.object({ tokenId: tokenIdSchema });

/** How long the previous secret keeps working after a regeneration, in seconds. */
export const OVERLAP_CHOICES = { none: 0, "1h": 3_600, "24h": 86_400, "7d": 604_800 } as const;
export type OverlapChoice = keyof typeof OVERLAP_CHOICES;

export const regenerateTokenSchema = z.object({
  tokenId: tokenIdSchema,
  overlap: z.enum(Object.keys(OVERLAP_CHOICES) as [OverlapChoice, ...OverlapChoice[]], { error: "Choose how long the old secret keeps working." }),
});
