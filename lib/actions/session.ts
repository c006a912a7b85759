"use server";

// A public HTTP endpoint like every server action: the user and the session come from the session cookie,
// never from the form, which carries the password only.
import bcrypt from "bcryptjs";
import { headers } from "next/headers";
import { CONFIRMATION_MESSAGES, type ConfirmPasswordState } from "../auth/confirmation";
import { getCurrentSession } from "../auth/session";
import { confirmSession } from "../auth/session-store";
import { db } from "../db/client";
import { clientAddressOf } from "../http/client-address";
import { recordSignInFailure, signInLimited } from "../security/sign-in-limit";

/**
 * Re-confirms the signed-in user's password for this session ("sudo mode"). Failures count against the same
 * limits as failed sign-ins, so this cannot be used to guess a password faster than the sign-in form could.
 */
export async function confirmPasswordAction(_previous: ConfirmPasswordState, formData: FormData): Promise<ConfirmPasswordState> {
  const current = await getCurrentSession();
  if (!current) return { status: "error", message: CONFIRMATION_MESSAGES.signedOut };
  const email = current.user.email;
  const address = clientAddressOf(await headers());
  const password = formData.get("password");
  try {
    // Refused while limited even with the right password, as sign-in is, so that guessing on gains nothing.
    if (await signInLimited(email, address)) return { status: "error", message: CONFIRMATION_MESSAGES.limited };
    const row = await db.user.findUnique({ where: { id: current.user.id }, select: { passwordHash: true } });
    const typed = typeof password === "string" && password.length > 0 && password.length <= 200 ? password : null;
    const matches = row !== null && typed !== null && (await bcrypt.compare(typed, row.passwordHash));
    if (!matches) {
      const limited = await recordSignInFailure(email, address);
      return { status: "error", message: limited ? CONFIRMATION_MESSAGES.limited : CONFIRMATION_MESSAGES.wrongPassword };
    }
    const confirmed = await confirmSession(db, current.sessionId, new Date());
    return confirmed ? { status: "success" } : { status: "error", message: CONFIRMATION_MESSAGES.signedOut };
  } catch (error) {
    // Only the error's class is logged: a message could echo query data.
    console.error(JSON.stringify({ event: "password_confirm_failed", userId: current.user.id, error: String((error as Error)?.name ?? "Error") }));
    return { status: "error", message: CONFIRMATION_MESSAGES.unavailable };
  }
}
