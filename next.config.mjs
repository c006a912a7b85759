// Browser hardening for every response. Next.js inlines its bootstrap scripts, so scripts need
// 'unsafe-inline' unless every page is rendered with a per-request nonce (which would make every page
// dynamic); everything else is locked to this origin. frame-ancestors 'none' (and X-Frame-Options for
// older browsers) stops clickjacking of the token pages.
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

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so that they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native drivers stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: ["nodemailer", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "ioredis"],
  poweredByHeader: false,
  // Next.js would answer a trailing slash with its own redirect, whose body is plain text: middleware.ts
  // answers it instead (JSON under /api, the same redirect elsewhere).
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
