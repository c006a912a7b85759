import "server-only";
import crypto from "node:crypto";
import { countFailure, isLimited, LIMITS } from "./limiter";

// Failed sign-ins are counted per email from one client address, per email from all addresses (a far higher
// ceiling, so that one attacker's address cannot lock the owner out) and per address (see LIMITS). The email
// is counted whether or not an account has it, so the limit itself reveals nothing; it is hashed so that the
// shared counter store never holds people's email addresses in the clear.
function keysOf(email: string, address: string) {
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest("base64url");
  return [
    { key: `sign-in:email-address:${digest(`${email}\n${address}`)}`, rule: LIMITS.signInPerEmailAndAddress },
    { key: `sign-in:email:${digest(email)}`, rule: LIMITS.signInPerEmail },
    { key: `sign-in:address:${address}`, rule: LIMITS.signInPerAddress },
  ];
}

/** Whether sign-in is refused for now: too many recent failures for this email, from this address, or both. */
export async function signInLimited(email: string, address: string): Promise<boolean> {
  const states = await Promise.all(keysOf(email, address).map(({ key, rule }) => isLimited(key, rule)));
  return states.some((state) => state.limited);
}

/** Counts a failed sign-in; true when this failure puts any of its counters over its limit. */
export async function recordSignInFailure(email: string, address: string): Promise<boolean> {
  const states = await Promise.all(keysOf(email, address).map(({ key, rule }) => countFailure(key, rule)));
  return states.some((state) => state.limited);
}
