import "server-only";
import crypto from "node:crypto";
import { countFailure, isLimited, LIMITS } from "./limiter";

// Failed sign-ins are counted per email and per client address (PRODUCT.md, "Limits against brute force").
// The email is counted whether or not an account has it, so the limit itself reveals nothing; it is
// hashed so that the shared counter store never holds people's addresses in the clear.
function keysOf(email: string, address: string) {
  const emailDigest = crypto.createHash("sha256").update(email).digest("base64url");
  return [
    { key: `sign-in:email:${emailDigest}`, rule: LIMITS.signInPerEmail },
    { key: `sign-in:address:${address}`, rule: LIMITS.signInPerAddress },
  ];
}

/** Whether sign-in is refused for now: too many recent failures for this email or from this address. */
export async function signInLimited(email: string, address: string): Promise<boolean> {
  const states = await Promise.all(keysOf(email, address).map(({ key, rule }) => isLimited(key, rule)));
  return states.some((state) => state.limited);
}

/** Counts a failed sign-in; true when this failure puts the email or the address over its limit. */
export async function recordSignInFailure(email: string, address: string): Promise<boolean> {
  const states = await Promise.all(keysOf(email, address).map(({ key, rule }) => countFailure(key, rule)));
  return states.some((state) => state.limited);
}
