/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own folder so that they never disturb a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native drivers stay out of the bundle and load from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "ioredis"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
