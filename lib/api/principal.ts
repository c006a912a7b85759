import crypto from "node:crypto";
import { processWide } from "../process-state.mjs";

// The caller that middleware vouches for, handed to the route handler of the same request. The principal
// never leaves the process: middleware keeps it in memory under a random handle (122 bits from the
// operating system's CSPRNG) and passes only the handle, in a request header whose client-sent copies it
// removes. The handler claims it once: a handle cannot be guessed, replayed or carried to another request,
// and a route handler that finds no principal to claim refuses to run.
// (An earlier version signed the whole principal with an HMAC into the header; signing, encoding and
// parsing it on every request cost more than the token check itself.)
export type Principal = {
  tokenId: string;
  tokenName: string;
  user: { id: string; email: string; name: string };
  permissions: string[];
  groups: { id: string; name: string }[];
};

// A handler claims its principal within milliseconds; an unclaimed one (a request that ended before its
// handler ran) is dropped after this long, and the oldest go first if ever this many wait at once.
const MAX_AGE_MS = 30_000;
const MAX_WAITING = 100_000;

type Entry = { principal: Principal; expiresAt: number };

// The middleware puts entries in and the route handlers take them out: one map for the process.
const waiting = processWide("platformPrincipals", () => new Map<string, Entry>());

/** Keeps the principal for this request's handler and returns the handle to pass to it. */
export function issuePrincipal(principal: Principal, now: number = Date.now()): string {
  // A Map iterates in insertion order and every entry lives equally long, so expired ones are at the front.
  for (const [handle, entry] of waiting) {
    if (entry.expiresAt > now && waiting.size < MAX_WAITING) break;
    waiting.delete(handle);
  }
  const handle = crypto.randomUUID();
  waiting.set(handle, { principal, expiresAt: now + MAX_AGE_MS });
  return handle;
}

/** The principal behind the handle, once: the handle is spent whether or not it was still valid. */
export function claimPrincipal(handle: string | null, now: number = Date.now()): Principal | null {
  if (!handle) return null;
  const entry = waiting.get(handle);
  if (!entry) return null;
  waiting.delete(handle);
  return entry.expiresAt > now ? entry.principal : null;
}

/** How many principals wait to be claimed (for tests). */
export function waitingPrincipals(): number {
  return waiting.size;
}
