// The environment every launcher gives the app: .env when present, telemetry off, a session secret and
// the public URL. A machine-local session secret is created on first start when none is configured, so
// `npm start` works on a fresh machine; several instances behind a load balancer must share NEXTAUTH_SECRET.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function appEnv(overrides = {}) {
  dotenv.config({ path: path.join(root, ".env"), quiet: true });
  const env = { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...process.env, ...overrides };
  env.PORT ||= "3000";
  env.NEXTAUTH_URL ||= `http://localhost:${env.PORT}`;
  if (!env.NEXTAUTH_SECRET) {
    const file = path.join(root, "data", ".session-secret");
    if (!fs.existsSync(file)) {
      // The folder also holds the SQLite database: nobody else may list or read it.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }
  return env;
}
