// What the token server actions hand back to useActionState. Kept out of the "use server" file, which may
// export only async functions.
import type { TokenNameErrors } from "./validation";

export type NewToken = { token: string; name: string; masked: string };

export type GenerateTokenState =
  | { status: "idle" }
  | { status: "error"; message: string; errors?: TokenNameErrors; name?: string }
  // The plaintext token travels only here, once, in the response to the request that created it.
  | { status: "success"; message: string; created: NewToken };

export type RevokeTokenState = { status: "idle" } | { status: "error"; message: string } | { status: "success"; message: string };

export const INITIAL_GENERATE_STATE: GenerateTokenState = { status: "idle" };
export const INITIAL_REVOKE_STATE: RevokeTokenState = { status: "idle" };

export const TOKEN_MESSAGES = {
  signedOut: "Your session has ended. Sign in again to manage your tokens.",
  invalidName: "The token was not generated. Check the name and try again.",
  generateFailed: "The token could not be generated because of a problem on our side. Nothing was saved; please try again.",
  generated: "Token generated.",
  // One message for "not yours", "made up" and "already revoked", so the answer never reveals which.
  revokeRefused: "This token does not exist or was already revoked.",
  revokeFailed: "The token could not be revoked because of a problem on our side. Please try again.",
  revoked: "Token revoked.",
} as const;
