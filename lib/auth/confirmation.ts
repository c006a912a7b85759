// Sudo mode, shared by the server actions and the forms: generating or regenerating a token, changing the
// token policy and administering users, roles and groups need the password typed within the last 15 minutes
// (at sign-in or re-confirmed). An action refused for that answers with `confirmPassword: true`; the form
// then asks for the password and sends the same submission again.
export const CONFIRM_PASSWORD_MESSAGE = "Confirm your password to continue. Nothing was changed yet.";

export const CONFIRMATION_MESSAGES = {
  wrongPassword: "Wrong password.",
  limited: "Too many attempts. Try again later.",
  unavailable: "Your password could not be checked because of a problem on our side. Please try again.",
} as const;

export type PasswordConfirmationRequired = { status: "error"; message: string; confirmPassword: true };

export function passwordConfirmationRequired(): PasswordConfirmationRequired {
  return { status: "error", message: CONFIRM_PASSWORD_MESSAGE, confirmPassword: true };
}

/** Whether an action's answer asks for the password first. */
export function needsPasswordConfirmation(state: unknown): boolean {
  return typeof state === "object" && state !== null && (state as { confirmPassword?: unknown }).confirmPassword === true;
}

