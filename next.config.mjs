import { SECURITY_HEADERS } from "./lib/http/security-headers.mjs";

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
  // The security headers: scripts/server.mjs, which serves every build, sets them on every response, once
  // computed; Next.js matching a `headers()` rule and compiling each value on every request cost about 140 µs
  // a request (docs/performance.md). Only `next dev`, which runs without that server, gets them from here.
  async headers() {
    if (process.env.NODE_ENV === "production") return [];
    return [{ source: "/:path*", headers: SECURITY_HEADERS.map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
