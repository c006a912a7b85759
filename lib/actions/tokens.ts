"use server";

// Every export here is a public HTTP endpoint. Each one takes the user from the session, never from its
// arguments, and refuses before building any query when there is none.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { TOKEN_MESSAGES, type GenerateTokenState, type RevokeTokenState } from "../tokens/action-state";
import { TOKEN_PAGE_PATHS } from "../tokens/paths";
import { createToken, revokeToken } from "../tokens/store";
import { parseGenerateTokenForm, revokeTokenSchema } from "../tokens/validation";

function refreshTokenPages(): void {
  for (const path of TOKEN_PAGE_PATHS) revalidatePath(path);
}

// Only the error's class and code are logged: a message could echo query data.
function logFailure(event: string, userId: string, error: unknown): void {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  console.error(JSON.stringify({ event, userId, error: String(name ?? "Error"), code: typeof code === "string" ? code : undefined }));
}

export async function generateTokenAction(_previous: GenerateTokenState, formData: FormData): Promise<GenerateTokenState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: TOKEN_MESSAGES.signedOut };

  const parsed = parseGenerateTokenForm(formData);
  if (!parsed.success) {
    const submitted = formData.get("name");
    return { status: "error", message: TOKEN_MESSAGES.invalidName, errors: parsed.errors, name: typeof submitted === "string" ? submitted : "" };
  }

  try {
    // One INSERT: either the whole token row exists afterwards or nothing does.
    const { token, item } = await createToken(user.id, parsed.name);
    refreshTokenPages();
    return { status: "success", message: TOKEN_MESSAGES.generated, created: { token, name: item.name, masked: item.masked } };
  } catch (error) {
    logFailure("token_generate_failed", user.id, error);
    return { status: "error", message: TOKEN_MESSAGES.generateFailed, name: parsed.name };
  }
}

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
