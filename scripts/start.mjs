// `npm start`: builds the app when no build exists, then serves it (scripts/server.mjs). The server
// migrates and seeds the database itself as it starts (instrumentation.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appEnv, root } from "./env.mjs";

const env = appEnv();
const distDir = env.NEXT_DIST_DIR || ".next";

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.log("No build found: building the app once (`npm run build` rebuilds it after changes).");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import("./server.mjs");
