// The first administrator of a database without demo accounts (`npm run create-admin`): a staff user with
// the Administrator role, which this makes sure holds every permission, and every visibility group, so that
// they can set up everyone else from the panel. Used by scripts/create-admin.ts; takes the database to
// write to, like the other administration changes.
import { PERMISSIONS } from "../access/permissions";
import type { Db } from "../db/connect";
import { ADMINISTRATOR_ROLE, seedIfEmpty } from "../db/seed";
import type { MutationResult } from "./refusal";
import { createUser } from "./user-mutations";
import { emailSchema, passwordSchema, personNameSchema } from "./validation";

// Passwords that pass the length rule yet are among the first any guesser tries.
const COMMON_PASSWORDS = new Set(["password12", "password123", "password1234", "1234567890", "0123456789", "12345678910", "qwertyuiop", "administrator", "admin12345", "admin123456", "changeme123", "letmein123", "welcome123", "iloveyou12"]);
const MIN_DISTINCT_CHARACTERS = 5;

export const FIRST_ADMIN_MESSAGES = {
  common: "The password is one of the first a guesser tries: choose another, a few unrelated words for example.",
  tooFewCharacters: `The password needs at least ${MIN_DISTINCT_CHARACTERS} different characters.`,
  containsEmail: "The password cannot contain the email address or its name part.",
} as const;

function firstError(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? "Invalid value.");
}

/** What is wrong with the email, or null. Returns the address as stored (trimmed, lower-cased). */
export function checkEmail(value: string): { email: string } | { problem: string } {
  const result = emailSchema.safeParse(value);
  return result.success ? { email: result.data } : { problem: firstError(result)! };
}

export function checkName(value: string): { name: string } | { problem: string } {
  const result = personNameSchema.safeParse(value);
  return result.success ? { name: result.data } : { problem: firstError(result)! };
}

/** Why the password is refused for an administrator, or null: the panel's rule and a few more. */
export function passwordProblem(password: string, email: string): string | null {
  const rule = firstError(passwordSchema.safeParse(password));
  if (rule) return rule;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return FIRST_ADMIN_MESSAGES.common;
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) return FIRST_ADMIN_MESSAGES.tooFewCharacters;
  const localPart = email.split("@")[0];
  if (lower.includes(email) || (localPart.length >= 3 && lower.includes(localPart))) return FIRST_ADMIN_MESSAGES.containsEmail;
  return null;
}

async function administratorRoleId(db: Db): Promise<string> {
  const role = await db.role.upsert({ where: { name: ADMINISTRATOR_ROLE }, create: { name: ADMINISTRATOR_ROLE }, update: {}, select: { id: true } });
  const held = new Set((await db.rolePermission.findMany({ where: { roleId: role.id }, select: { permission: true } })).map((row) => row.permission));
  for (const permission of PERMISSIONS) {
    if (!held.has(permission)) await db.rolePermission.create({ data: { roleId: role.id, permission } });
  }
  return role.id;
}

/**
 * Creates the administrator; refused (nothing written) when a user has the email already. An empty
 * database first gets the roles and groups every database starts with, never the demo accounts.
 */
export async function createFirstAdministrator(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<MutationResult<{ id: string; groups: string[] }>> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, message: `A user with the email address ${input.email} already exists: nothing was changed.` };
  }
  await seedIfEmpty(db, { demo: false });
  const roleId = await administratorRoleId(db);
  const groups = await db.visibilityGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const created = await createUser(db, { ...input, area: "staff", roleIds: [roleId], groupIds: groups.map((group) => group.id) });
  if (!created.ok) return created;
  return { ok: true, value: { id: created.value.id, groups: groups.map((group) => group.name) } };
}
