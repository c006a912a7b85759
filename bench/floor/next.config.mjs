// The floor the API benchmark measures the app against: Next.js alone, same versions as the app (resolved
// from the project's node_modules), no settings of the app's, so that what the app adds on top is visible.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The packages live in the project's node_modules, two folders up: the bundler must be allowed there.
  turbopack: { root: path.resolve(here, "../..") },
};

export default nextConfig;
