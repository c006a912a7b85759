import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { clientAddressOf } from "../http/client-address";
import { recordSignInFailure, signInLimited } from "../security/sign-in-limit";
import { safeAuthRedirect, type Area } from "./areas";
import { SIGN_IN_ERRORS, type SignInErrorCode } from "./sign-in-errors";

// Compared against when the email is unknown, so that a miss costs as much time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

const SESSION_HOURS = 8;

// Secure cookies whenever the public URL is https (production); a plain-http local run cannot use them.
const SECURE_COOKIES = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

function refuse(code: SignInErrorCode): never {
  // next-auth hands the message of an error thrown in authorize() to the client as `error`.
  throw new Error(code);
}

// Anything but our own refusals (a database outage, a driver error) must not reach the client as `error`:
// its message could name hosts or SQL. It is logged by class only and the client gets a fixed code.
function withoutInternals(error: unknown): never {
  if (error instanceof Error && error.message in SIGN_IN_ERRORS) throw error;
  console.error(JSON.stringify({ event: "sign_in_failed", error: String((error as Error)?.name ?? "Error") }));
  throw new Error("unavailable");
}

type Credentials = Record<"email" | "password" | "area", string> | undefined;

async function authorizeCredentials(credentials: Credentials, headers: unknown) {
  const email = String(credentials?.email ?? "").trim().toLowerCase();
  const password = String(credentials?.password ?? "");
  // next-auth hands authorize() the request's headers as a plain object; our server set the address.
  const address = clientAddressOf(new Headers(headers as Record<string, string> | undefined));
  // Checked before the account is looked up, so a limited attempt says nothing about the account,
  // and refused even with the right password, so that guessing on while limited gains nothing.
  if (await signInLimited(email, address)) refuse("rate_limited");
  const failed = async (): Promise<never> => refuse((await recordSignInFailure(email, address)) ? "rate_limited" : "invalid_credentials");

  if (!email || !password || email.length > 320 || password.length > 200) return failed();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, area: true, active: true, passwordHash: true },
  });
  const passwordMatches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordMatches) return failed();
  if (!user.active) refuse("inactive");
  const requestedArea = credentials?.area as Area | undefined;
  if ((requestedArea === "staff" || requestedArea === "partner") && requestedArea !== user.area) {
    refuse(user.area === "partner" ? "wrong_area_partner" : "wrong_area_staff");
  }
  return { id: user.id, email: user.email, name: user.name };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  // The session cookie is HttpOnly and SameSite=Lax (next-auth's defaults), and Secure in production.
  useSecureCookies: SECURE_COOKIES,
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        area: { label: "Area", type: "text" },
      },
      async authorize(credentials, request) {
        return authorizeCredentials(credentials, request?.headers).catch(withoutInternals);
      },
    }),
  ],
  callbacks: {
    // next-auth's default follows any URL its parser accepts and throws (a 500) on one it cannot parse.
    async redirect({ url, baseUrl }) {
      return safeAuthRedirect(url, baseUrl);
    },
    // The session carries only the user's id and when they signed in: roles, groups, the active flag and
    // whether the password was reset since are read live per request (lib/auth/session.ts).
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        // next-auth renews the cookie (and its iat) as the session is used, so the sign-in time is kept apart.
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
      return { ...session, user: { id: token.sub ?? "", email: session.user?.email ?? "", name: session.user?.name ?? "" }, signedInAt };
    },
  },
};
