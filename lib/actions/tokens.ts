"use server";

// Every export here is a public HTTP endpoint, built with serverAction: the owner comes from the session,
// never from the form, and every query below carries the owner's id.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { GENERATE_FIELDS, generateRefusalMessage, TOKEN_MESSAGES, type NewToken } from "../tokens/shared/action-state";
import { TOKEN_PAGE_PATHS } from "../tokens/shared/paths";
import { editTokenNoteSchema, OVERLAP_CHOICES, parseGenerateTokenForm, regenerateTokenSchema, revokeTokenSchema } from "../tokens/shared/validation";
import { regenerateToken } from "../tokens/server/lifecycle";
import { getMaxLifetimeDays } from "../tokens/server/policy";
import { createToken, ownerHasTokenNamed, revokeToken, updateTokenNote } from "../tokens/server/store";
import { serverAction } from "./server-action";
import { refused, succeeded } from "./state";
import { TOKEN_NAME_MAX } from "../tokens/shared/validation";

function refreshTokenPages(): void {
  for (const path of TOKEN_PAGE_PATHS) revalidatePath(path);
}

// A new credential needs the password typed within the last 15 minutes (sudo mode).
export const generateTokenAction = serverAction({
  name: "token_generate",
  guard: "user",
  confirmPassword: true,
  echo: GENERATE_FIELDS,
  failed: TOKEN_MESSAGES.generateFailed,
})
  .input(async (formData) => {
    // The administrator's cap is checked here, on the server, whatever the form allowed.
    const parsed = parseGenerateTokenForm(formData, { now: new Date(), maxLifetimeDays: await getMaxLifetimeDays() });
    if (parsed.success) return { ok: true, input: { name: parsed.name, expiresAt: parsed.expiresAt } };
    return { ok: false, message: generateRefusalMessage(parsed.errors), errors: parsed.errors };
  })
  .run<{ created: NewToken }>(async ({ name, expiresAt }, { user }) => {
    // One INSERT: either the whole token row exists afterwards or nothing does.
    const { token, item } = await createToken(user.id, name, expiresAt);
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.generated, created: { token, name: item.name, masked: item.masked } };
  });

// Revoking never asks for the password again: taking a credential away must always be easy.
export const revokeTokenAction = serverAction({ name: "token_revoke", guard: "user", failed: TOKEN_MESSAGES.revokeFailed })
  .input((formData) => {
    const parsed = revokeTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
    return parsed.success ? { ok: true, input: parsed.data.tokenId } : { ok: false, message: TOKEN_MESSAGES.revokeRefused };
  })
  .run(async (tokenId, { user }) => {
    if (!(await revokeToken(user.id, tokenId))) return refused(TOKEN_MESSAGES.revokeRefused);
    refreshTokenPages();
    return succeeded(TOKEN_MESSAGES.revoked);
  });

// A new secret needs the password typed within the last 15 minutes (sudo mode).
export const regenerateTokenAction = serverAction({ name: "token_regenerate", guard: "user", confirmPassword: true, failed: TOKEN_MESSAGES.regenerateFailed })
  .input((formData) => {
    const parsed = regenerateTokenSchema.safeParse({ tokenId: formData.get("tokenId"), overlap: formData.get("overlap") });
    if (parsed.success) return { ok: true, input: parsed.data };
    const badToken = parsed.error.issues.some((issue) => issue.path[0] === "tokenId");
    return { ok: false, message: badToken ? TOKEN_MESSAGES.revokeRefused : TOKEN_MESSAGES.overlapChoice };
  })
  .run<{ created: NewToken }>(async ({ tokenId, overlap }, { user }) => {
    const result = await regenerateToken(user.id, tokenId, OVERLAP_CHOICES[overlap]);
    if (!result.ok) return refused(result.reason === "expired" ? TOKEN_MESSAGES.regenerateExpired : TOKEN_MESSAGES.revokeRefused);
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.regenerated, created: { token: result.token, name: result.name, masked: result.masked } };
  });

// The note is the owner's own description: no password needed, as for revoking.
export const updateTokenNoteAction = serverAction({ name: "token_note", guard: "user", echo: { text: ["note"] }, failed: TOKEN_MESSAGES.noteFailed })
  .input((formData) => {
    const parsed = editTokenNoteSchema.safeParse({ tokenId: formData.get("tokenId"), note: formData.get("note") ?? "" });
    if (parsed.success) return { ok: true, input: parsed.data };
    const errors = z.flattenError(parsed.error).fieldErrors;
    return errors.tokenId ? { ok: false, message: TOKEN_MESSAGES.revokeRefused } : { ok: false, message: TOKEN_MESSAGES.noteRefused, errors };
  })
  .run(async ({ tokenId, note }, { user }) => {
    if (!(await updateTokenNote(user.id, tokenId, note))) return refused(TOKEN_MESSAGES.revokeRefused);
    refreshTokenPages();
    return succeeded(TOKEN_MESSAGES.noteSaved);
  });

// Names may repeat; the generate form only warns. Answers for the caller's own tokens alone.
export const tokenNameInUseAction = serverAction({ name: "token_name_check", guard: "user", failed: TOKEN_MESSAGES.generateFailed })
  .input((formData) => {
    const name = String(formData.get("name") ?? "").trim();
    return name && name.length <= TOKEN_NAME_MAX ? { ok: true, input: name } : { ok: false, message: "" };
  })
  .run<{ inUse: boolean }>(async (name, { user }) => ({ status: "success", message: "", inUse: await ownerHasTokenNamed(user.id, name) }));
