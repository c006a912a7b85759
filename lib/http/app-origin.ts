import "server-only";
import { headers } from "next/headers";

/**
 * The address integrations reach this app at, for the examples the pages show: NEXTAUTH_URL when the
 * operator set it (the public address), else the host the browser asked for. Only ever displayed, never
 * used to build a redirect or a link the server follows.
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // Not a URL: fall back to the request.
    }
  }
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const proto = requestHeaders.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
