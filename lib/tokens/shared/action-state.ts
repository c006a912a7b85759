// What the token server actions hand back to useActionState. Kept out of the "use server" file, which may
// export only async functions.
import type { TokenFormErrors } from "./validation";

export type NewToken = { token: string; name: string; masked: string };

export type GenerateTokenState =
  | { status: "idle" }
  // confirmPassword: refused until the password is typed again (lib/auth/confirmation.ts).
  | { status: "error"; message: string; errors?: TokenFormErrors; name?: string; expiry?: string; expiresOn?: string; confirmPassword?: true }
  // The plaintext token travels only here, once, in the response to the request that created it.
  | { status: "success"; message: string; created: NewToken };

// A regeneration hands back the new secret exactly like a generation: once, in this response.
export type RegenerateTokenState =
  | { status: "idle" }
  | { status: "error"; message: string; confirmPassword?: true }
  | { status: "success"; message: string; created: NewToken };

export type RevokeTokenState = { status: "idle" } | { status: "error"; message: string } | { status: "success"; message: string };

export const INITIAL_GENERATE_STATE: GenerateTokenState = { status: "idle" };
export const INITIAL_REVOKE_STATE: RevokeTokenState = { status: "idle" };
export const INITIAL_REGENERATE_STATE: RegenerateTokenState = { status: "idle" };

export const TOKEN_MESSAGES = {
  signedOut: "Your session has ended. Sign in again to manage your tokens.",
  invalidName: "The token was not generated. Check the name and try again.",
  invalidExpiry: "The token was not generated. Check its expiry and try again.",
  generateFailed: "The token could not be generated because of a problem on our side. Nothing was saved; please try again.",
  generated: "Token generated.",
  // One message for "not yours", "made up" and "already revoked", so the answer never reveals which.
  revokeRefused: "This token does not exist or was already revoked.",
  revokeFailed: "The token could not be revoked because of a problem on our side. Please try again.",
  revoked: "Token revoked.",
  regenerated: "Token regenerated.",
  overlapChoice: "Choose how long the old secret keeps working.",
  regenerateExpired: "This token has expired and cannot be regenerated. Generate a new token instead.",
  regenerateFailed: "The token could not be regenerated because of a problem on our side. Nothing was changed; please try again.",
} as const;

function submitted(formData: FormData, field: string): string {
  const value = formData.get(field);
  return typeof value === "string" ? value : "";
}

/**
 * A refused generation, with what was submitted: React resets the form after each submission, so the
 * values come back for the person to fix. Used by the browser's pre-check and by the action alike.
 */
export function refuseGenerate(formData: FormData, errors: TokenFormErrors): GenerateTokenState {
  return {
    status: "error",
    message: errors.name ? TOKEN_MESSAGES.invalidName : TOKEN_MESSAGES.invalidExpiry,
    errors,
    name: submitted(formData, "name"),
    expiry: submitted(formData, "expiry"),
    expiresOn: submitted(formData, "expiresOn"),
  };
}
