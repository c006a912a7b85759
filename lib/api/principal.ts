import crypto from "node:crypto";

// The caller that middleware vouches for, handed to route handlers in a request header. The header is
// signed with a key clients never see and carries its issue time, so it cannot be forged, and middleware
// replaces any copy a client sends. A route handler that finds no valid principal refuses to run.
export type Principal = {
  tokenId: string;
  tokenName: string;
  user: { id: string; email: string; name: string };
  permissions: string[];
  groups: { id: string; name: string }[];
  issuedAt: number;
};

const MAX_AGE_MS = 30_000;

const globalKeys = globalThis as unknown as { platformPrincipalKey?: Buffer };

function signingKey(): Buffer {
  if (!globalKeys.platformPrincipalKey) {
    const secret = process.env.NEXTAUTH_SECRET;
    // Derived from the session secret so both never share a key; random per process when unset (dev).
    globalKeys.platformPrincipalKey = secret
      ? crypto.createHmac("sha256", secret).update("api-principal-v1").digest()
      : crypto.randomBytes(32);
  }
  return globalKeys.platformPrincipalKey;
}

function mac(payload: string): string {
  return crypto.createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

export function encodePrincipal(principal: Principal): string {
  const payload = Buffer.from(JSON.stringify(principal), "utf8").toString("base64url");
  return `${payload}.${mac(payload)}`;
}

export function decodePrincipal(value: string | null, now: number = Date.now()): Principal | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  try {
    const principal = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Principal;
    if (typeof principal.issuedAt !== "number" || Math.abs(now - principal.issuedAt) > MAX_AGE_MS) return null;
    return principal;
  } catch {
    return null;
  }
}
