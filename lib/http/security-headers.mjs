// Browser hardening for every response. Next.js inlines its bootstrap scripts, so scripts need
// 'unsafe-inline' unless every page is rendered with a per-request nonce (which would make every page
// dynamic); everything else is locked to this origin. frame-ancestors 'none' (and X-Frame-Options for
// older browsers) stops clickjacking of the token pages.
// Plain JavaScript: scripts/server.mjs sets them on every response it serves, and next.config.mjs hands
// them to `next dev`, which runs without that server.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** [name, value] pairs, the same for every response. */
export const SECURITY_HEADERS = Object.freeze([
  ["Content-Security-Policy", contentSecurityPolicy],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["X-Frame-Options", "DENY"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
]);
