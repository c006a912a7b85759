"use server";

// A public HTTP endpoint built with serverAction: the user and the session come from the session cookie,
// never from the form, which carries the password only.
import bcrypt from "bcryptjs";
import { headers } from "next/headers";
import { CONFIRMATION_MESSAGES } from "../auth/confirmation";
import { confirmSession } from "../auth/session-store";
import { db } from "../db/client";
import { clientAddressOf } from "../http/client-address";
import { recordSignInFailure, signInLimited } from "../security/sign-in-limit";
import { serverAction } from "./server-action";
import { ACTION_MESSAGES, refused, succeeded } from "./state";

/**
 * Re-confirms the signed-in user's password for this session ("sudo mode"). Failures count against the same
 * limits as failed sign-ins, so this cannot be used to guess a password faster than the sign-in form could.
 */
export const confirmPasswordAction = serverAction({ name: "password_confirm", guard: "user", failed: CONFIRMATION_MESSAGES.unavailable })
  .input((formData) => {
    const password = formData.get("password");
    const typed = typeof password === "string" && password.length > 0 && password.length <= 200 ? password : null;
    return { ok: true, input: typed };
  })
  .run(async (typed, { user, session }) => {
    const address = clientAddressOf(await headers());
    // Refused while limited even with the right password, as sign-in is, so that guessing on gains nothing.
    if (await signInLimited(user.email, address)) return refused(CONFIRMATION_MESSAGES.limited);
    const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
    const matches = row !== null && typed !== null && (await bcrypt.compare(typed, row.passwordHash));
    if (!matches) {
      const limited = await recordSignInFailure(user.email, address);
      return refused(limited ? CONFIRMATION_MESSAGES.limited : CONFIRMATION_MESSAGES.wrongPassword);
    }
    const confirmed = await confirmSession(db, session.sessionId, new Date());
    return confirmed ? succeeded("Password confirmed.") : refused(ACTION_MESSAGES.signedOut);
  });
