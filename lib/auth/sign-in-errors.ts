// Sign-in refusals, as codes carried from the server to the login form and the messages people see.
// Unknown email and wrong password share one message, so the form never reveals whether an account exists.
export const SIGN_IN_ERRORS = {
  invalid_credentials: "Wrong email or password.",
  inactive: "This account has been deactivated. Ask an administrator to reactivate it.",
  wrong_area_staff: "This account belongs to the admin panel. Sign in there instead.",
  wrong_area_partner: "This account belongs to the partner hub. Sign in there instead.",
  rate_limited: "Too many attempts. Try again later.",
  unavailable: "Sign-in is temporarily unavailable. Try again shortly.",
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorMessage(code: string | null | undefined): string {
  return code && code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : SIGN_IN_ERRORS.invalid_credentials;
}
