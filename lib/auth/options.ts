import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { clientAddressOf } from "../http/client-address";
import { recordSignInFailure, signInLimited } from "../security/sign-in-limit";
import { safeAuthRedirect, type Area } from "./areas";
import { endSession, resumeSession, SESSION_LIMITS, startSession, withinAbsoluteLifetime } from "./session-store";
import { SIGN_IN_ERRORS, type SignInErrorCode } from "./sign-in-errors";
import { errorFields, logger } from "../log/logger.mjs";

// Compared against when the email is unknown, so that a miss costs as much time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

const SESSION_SECONDS = SESSION_LIMITS.absoluteMs / 1000;

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
  logger.error({ event: "sign_in_failed", ...errorFields(error) });
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

// Thrown from the jwt callback: next-auth then clears the cookie and hands out no session, both on
// /api/auth/session and to getServerSession.
class SessionEnded extends Error {
  constructor() {
    super("session_ended");
    this.name = "SessionEnded";
  }
}

function signedInAtOf(token: JWT): number | null {
  return typeof token.signedInAt === "number" ? token.signedInAt : null;
}

// next-auth renews the cookie for another maxAge each time the session is read; the JWT inside it never
// outlives the absolute lifetime counted from sign-in.
function secondsLeft(token: JWT | undefined, maxAge: number): number {
  const signedInAt = token ? signedInAtOf(token) : null;
  if (signedInAt === null) return maxAge;
  return Math.max(1, Math.min(maxAge, Math.floor((signedInAt + SESSION_LIMITS.absoluteMs - Date.now()) / 1000)));
}

export const authOptions: NextAuthOptions = {
  // next-auth logs its errors with a stack trace (an ended session is one): one JSON line with the code only.
  logger: {
    error(code) {
      logger.error({ event: "auth_error", code: String(code).slice(0, 100) });
    },
    warn() {},
    debug() {},
  },
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  jwt: {
    maxAge: SESSION_SECONDS,
    encode: (params) => encode({ ...params, maxAge: secondsLeft(params.token, params.maxAge ?? SESSION_SECONDS) }),
  },
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
    // The cookie carries the user's id, the sign-in time and the id of a session record; the record decides
    // whether the cookie still opens anything (signed out, idle, past its lifetime), and roles, groups, the
    // active flag and password resets are read live per request (lib/auth/session.ts).
    async jwt({ token, user }) {
      const now = new Date();
      if (user) {
        token.sub = user.id;
        // next-auth renews the cookie (and its iat) as the session is used, so the sign-in time is kept apart.
        token.signedInAt = now.getTime();
        token.sid = await startSession(db, user.id, now);
        token.confirmedAt = now.getTime();
        return token;
      }
      const signedInAt = signedInAtOf(token);
      // A cookie without a session id was issued before sessions were recorded: it counts as signed out.
      if (typeof token.sid !== "string" || !token.sub || signedInAt === null || !withinAbsoluteLifetime(signedInAt, now)) throw new SessionEnded();
      let live: Awaited<ReturnType<typeof resumeSession>>;
      try {
        live = await resumeSession(db, token.sid, token.sub, now);
      } catch (error) {
        // The record cannot be read while the database is down. Refusing here would send the visitor to sign
        // in (next-auth turns any error into "no session"); instead the page's own read of the user fails the
        // same way and shows the "temporarily unavailable" page. Nothing is granted: every page and action
        // needs that read, and the record is checked again on the next request.
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      if (!live) throw new SessionEnded();
      // Read from the record on every request, never trusted from the cookie (lib/auth/sudo.ts).
      token.confirmedAt = live.confirmedAt.getTime();
      return token;
    },
    async session({ session, token }) {
      const signedInAt = signedInAtOf(token) ?? 0;
      const expires = new Date(Math.min(Date.parse(session.expires), signedInAt + SESSION_LIMITS.absoluteMs)).toISOString();
      return {
        ...session,
        expires,
        user: { id: token.sub ?? "", email: session.user?.email ?? "", name: session.user?.name ?? "" },
        signedInAt,
        // The record's id is no credential (only the encrypted cookie is): it lets the server find the record.
        sessionId: typeof token.sid === "string" ? token.sid : undefined,
        confirmedAt: typeof token.confirmedAt === "number" ? token.confirmedAt : 0,
      };
    },
  },
  events: {
    // Ends the record, so that a copy of the cookie taken before signing out stops working too.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(db, token.sid, new Date());
    },
  },
};
