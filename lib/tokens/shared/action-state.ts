// What the token server actions hand back to useActionState, in the one shape every action uses
// (lib/actions/state.ts). Kept out of the "use server" file, which may export only async functions.
import { echoValues, refused, type ActionState } from "../../actions/state";
import type { TokenFormErrors } from "./validation";

export type NewToken = { token: string; name: string; masked: string };

// The plaintext token travels only in `created`, once, in the response to the request that made it. A
// regeneration hands back the new secret exactly like a generation.
export type GenerateTokenState = ActionState<{ created: NewToken }>;
export type RegenerateTokenState = ActionState<{ created: NewToken }>;
export type RevokeTokenState = ActionState;
export type TokenNoteState = ActionState;

/** The generate form's fields, handed back when it is refused. */
export const GENERATE_FIELDS = { text: ["name", "expiry", "expiresOn"] } as const;

export const TOKEN_MESSAGES = {
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
  noteSaved: "Note saved.",
  noteRefused: "The note was not saved. Check it and try again.",
  noteFailed: "The note could not be saved because of a problem on our side. Nothing was changed; please try again.",
  regenerateFailed: "The token could not be regenerated because of a problem on our side. Nothing was changed; please try again.",
} as const;

/** What a refused generation says above the form. */
export function generateRefusalMessage(errors: TokenFormErrors): string {
  return errors.name ? TOKEN_MESSAGES.invalidName : TOKEN_MESSAGES.invalidExpiry;
}

/**
 * A refused generation, with what was submitted: React resets the form after each submission, so the
 * values come back for the person to fix. Used by the browser's pre-check and by the action alike.
 */
export function refuseGenerate(formData: FormData, errors: TokenFormErrors): GenerateTokenState {
  return refused(generateRefusalMessage(errors), errors, echoValues(formData, GENERATE_FIELDS));
}
