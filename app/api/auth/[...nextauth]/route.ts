import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { withoutUnparsableCallback } from "@/lib/auth/callback-request";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers 500 (InvalidCallbackUrl) to a callbackUrl it cannot parse; such a value is dropped first,
// so it falls back to its default. Anything it can parse goes through the redirect callback's own check.
async function handler(request: NextRequest, context: Context) {
  return nextAuth(withoutUnparsableCallback(request), context);
}

export { handler as GET, handler as POST };
