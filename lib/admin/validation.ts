// The administration forms' rules, one zod schema per form, shared by the forms (limits, hints) and the
// server actions (the real check: every action is a public endpoint).
import { z } from "zod";
import { PERMISSIONS } from "../access/permissions";

export const PERSON_NAME_MAX = 100;
export const LABEL_NAME_MAX = 60;
export const EMAIL_MAX = 320;
export const PASSWORD_MIN = 10;
// bcrypt ignores everything after its 72nd byte: a longer password would only seem stronger.
export const PASSWORD_MAX_BYTES = 72;

export const VALIDATION_MESSAGES = {
  nameRequired: "Enter a name.",
  nameTooLong: (max: number) => `The name must be at most ${max} characters.`,
  controlCharacters: "The name cannot contain line breaks, tabs or other control characters.",
  emailInvalid: "Enter a valid email address, such as name@example.com.",
  emailTooLong: `The email address must be at most ${EMAIL_MAX} characters.`,
  passwordTooShort: `The password must be at least ${PASSWORD_MIN} characters long.`,
  passwordTooLong: `The password is too long: at most ${PASSWORD_MAX_BYTES} bytes (${PASSWORD_MAX_BYTES} plain letters and digits).`,
  passwordRepeated: "The password cannot be a single character repeated.",
  areaRequired: "Choose where the user signs in: the admin panel or the partner hub.",
  badChoice: "Choose from the list.",
  badPermission: "Choose permissions from the catalogue.",
} as const;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

// Code points, not UTF-16 units, so that an emoji counts once.
const length = (value: string) => [...value].length;

function nameSchema(max: number) {
  return z
    .string({ error: VALIDATION_MESSAGES.nameRequired })
    .trim()
    .min(1, VALIDATION_MESSAGES.nameRequired)
    .refine((value) => length(value) <= max, VALIDATION_MESSAGES.nameTooLong(max))
    .refine((value) => !CONTROL_CHARACTERS.test(value), VALIDATION_MESSAGES.controlCharacters);
}

export const personNameSchema = nameSchema(PERSON_NAME_MAX);
export const labelNameSchema = nameSchema(LABEL_NAME_MAX);

// Stored lower-cased and trimmed, as sign-in looks it up.
export const emailSchema = z
  .string({ error: VALIDATION_MESSAGES.emailInvalid })
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, VALIDATION_MESSAGES.emailTooLong)
  .pipe(z.email({ error: VALIDATION_MESSAGES.emailInvalid }));

// Length is what makes a password strong; composition rules mostly make it harder to remember.
export const passwordSchema = z
  .string({ error: VALIDATION_MESSAGES.passwordTooShort })
  .refine((value) => length(value) >= PASSWORD_MIN, { message: VALIDATION_MESSAGES.passwordTooShort, abort: true })
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, { message: VALIDATION_MESSAGES.passwordTooLong, abort: true })
  .refine((value) => new Set(value).size > 1, VALIDATION_MESSAGES.passwordRepeated);

export const areaSchema = z.enum(["staff", "partner"], { error: VALIDATION_MESSAGES.areaRequired });

// Database ids (cuid); anything else cannot name a row, whatever a tampered form sends.
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, VALIDATION_MESSAGES.badChoice);

const idListSchema = z
  .array(idSchema, { error: VALIDATION_MESSAGES.badChoice })
  .max(200, VALIDATION_MESSAGES.badChoice)
  .transform((ids) => [...new Set(ids)]);

const permissionListSchema = z
  .array(z.enum(PERMISSIONS, { error: VALIDATION_MESSAGES.badPermission }), { error: VALIDATION_MESSAGES.badPermission })
  .transform((permissions) => [...new Set(permissions)].sort());

export const createUserSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  area: areaSchema,
  roleIds: idListSchema,
  groupIds: idListSchema,
});

export const userAccessSchema = z.object({ userId: idSchema, roleIds: idListSchema, groupIds: idListSchema });
export const passwordResetSchema = z.object({ userId: idSchema, password: passwordSchema });
export const userStatusSchema = z.object({ userId: idSchema });
export const createRoleSchema = z.object({ name: labelNameSchema, permissions: permissionListSchema });
export const updateRoleSchema = createRoleSchema.extend({ roleId: idSchema });
export const roleIdSchema = z.object({ roleId: idSchema });
export const createGroupSchema = z.object({ name: labelNameSchema });
export const renameGroupSchema = createGroupSchema.extend({ groupId: idSchema });
export const groupIdSchema = z.object({ groupId: idSchema });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UserAccessInput = z.infer<typeof userAccessSchema>;
