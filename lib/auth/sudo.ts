import "server-only";
import type { CurrentSession } from "./session";

// How long a typed password (at sign-in or re-confirmed) lets sensitive actions through.
export const SUDO_WINDOW_MS = 15 * 60 * 1000;

/** Whether the session's password was typed recently enough for a sensitive action. */
export function recentlyConfirmed(session: CurrentSession, now: Date = new Date()): boolean {
  return now.getTime() - session.confirmedAt.getTime() < SUDO_WINDOW_MS;
}
