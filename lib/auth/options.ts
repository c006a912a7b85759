import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import type { Area } from "./areas";
import type { SignInErrorCode } from "./sign-in-errors";

// Compared against when the email is unknown, so that a miss costs as much time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

const SESSION_HOURS = 8;

function refuse(code: SignInErrorCode): never {
  // next-auth hands the message of an error thrown in authorize() to the client as `error`.
  throw new Error(code);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        area: { label: "Area", type: "text" },
      },
      async authorize(credentials) {
        const email = String(credentials?.email ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        if (!email || !password || email.length > 320 || password.length > 200) refuse("invalid_credentials");
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, area: true, active: true, passwordHash: true },
        });
        const passwordMatches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !passwordMatches) refuse("invalid_credentials");
        if (!user.active) refuse("inactive");
        const requestedArea = credentials?.area as Area | undefined;
        if ((requestedArea === "staff" || requestedArea === "partner") && requestedArea !== user.area) {
          refuse(user.area === "partner" ? "wrong_area_partner" : "wrong_area_staff");
        }
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    // The session carries only the user's id: roles, groups and the active flag are read live per request.
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "", email: session.user?.email ?? "", name: session.user?.name ?? "" } };
    },
  },
};
