"use server";

// Every export here is a public HTTP endpoint. Each one takes the user from the session, never from its
// arguments, and refuses before building any query when there is none.
import { revalidatePath } from "next/cache";
import { passwordConfirmationRequired } from "../auth/confirmation";
import { getCurrentSession, getCurrentUser } from "../auth/session";
import { recentlyConfirmed } from "../auth/sudo";
import { refuseGenerate, TOKEN_MESSAGES, type GenerateTokenState, type RegenerateTokenState, type RevokeTokenState } from "../tokens/shared/action-state";
import { regenerateToken } from "../tokens/server/lifecycle";
import { TOKEN_PAGE_PATHS } from "../tokens/shared/paths";
import { getMaxLifetimeDays } from "../tokens/server/policy";
import { createToken, revokeToken } from "../tokens/server/store";
import { OVERLAP_CHOICES, parseGenerateTokenForm, regenerateTokenSchema, revokeTokenSchema } from "../tokens/shared/validation";

function refreshTokenPages(): void {
  for (const path of TOKEN_PAGE_PATHS) revalidatePath(path);
}

// Only the error's class and code are logged: a message could echo query data.
function logFailure(event: string, userId: string, error: unknown): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  console.error(JSON.stringify({ event, userId, error: String(name ?? "Error"), code: typeof code === "string" ? code : undefined }));
}

export async function generateTokenAction(_previous: GenerateTokenState, formData: FormData): Promise<GenerateTokenState> {
  const current = await getCurrentSession();
  if (!current) return { status: "error", message: TOKEN_MESSAGES.signedOut };
  // A new credential needs the password typed within the last 15 minutes (sudo mode).
  if (!recentlyConfirmed(current)) return passwordConfirmationRequired();
  const user = current.user;

  let maxLifetimeDays: number | null;
  try {
    maxLifetimeDays = await getMaxLifetimeDays();
  } catch (error) {
    logFailure("token_generate_failed", user.id, error);
    return { status: "error", message: TOKEN_MESSAGES.generateFailed };
  }
  // The administrator's cap is checked here, on the server, whatever the form allowed.
  const parsed = parseGenerateTokenForm(formData, { now: new Date(), maxLifetimeDays });
  if (!parsed.success) return refuseGenerate(formData, parsed.errors);

  try {
    // One INSERT: either the whole token row exists afterwards or nothing does.
    const { token, item } = await createToken(user.id, parsed.name, parsed.expiresAt);
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.generated, created: { token, name: item.name, masked: item.masked } };
  } catch (error) {
    logFailure("token_generate_failed", user.id, error);
    return { status: "error", message: TOKEN_MESSAGES.generateFailed, name: parsed.name };
  }
}

// Revoking never asks for the password again: taking a credential away must always be easy.
export async function revokeTokenAction(_previous: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: TOKEN_MESSAGES.signedOut };

  const parsed = revokeTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
  if (!parsed.success) return { status: "error", message: TOKEN_MESSAGES.revokeRefused };

  try {
    const revoked = await revokeToken(user.id, parsed.data.tokenId);
    if (!revoked) return { status: "error", message: TOKEN_MESSAGES.revokeRefused };
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.revoked };
  } catch (error) {
    logFailure("token_revoke_failed", user.id, error);
    return { status: "error", message: TOKEN_MESSAGES.revokeFailed };
  }
}

export async function regenerateTokenAction(_previous: RegenerateTokenState, formData: FormData): Promise<RegenerateTokenState> {
  const current = await getCurrentSession();
  if (!current) return { status: "error", message: TOKEN_MESSAGES.signedOut };
  // A new secret needs the password typed within the last 15 minutes (sudo mode).
  if (!recentlyConfirmed(current)) return passwordConfirmationRequired();
  const user = current.user;

  const parsed = regenerateTokenSchema.safeParse({ tokenId: formData.get("tokenId"), overlap: formData.get("overlap") });
  if (!parsed.success) {
    const badToken = parsed.error.issues.some((issue) => issue.path[0] === "tokenId");
    return { status: "error", message: badToken ? TOKEN_MESSAGES.revokeRefused : TOKEN_MESSAGES.overlapChoice };
  }

  try {
    const result = await regenerateToken(user.id, parsed.data.tokenId, OVERLAP_CHOICES[parsed.data.overlap]);
    if (!result.ok) return { status: "error", message: result.reason === "expired" ? TOKEN_MESSAGES.regenerateExpired : TOKEN_MESSAGES.revokeRefused };
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.regenerated, created: { token: result.token, name: result.name, masked: result.masked } };
  } catch (error) {
    logFailure("token_regenerate_failed", user.id, error);
    return { status: "error", message: TOKEN_MESSAGES.regenerateFailed };
  }
}
