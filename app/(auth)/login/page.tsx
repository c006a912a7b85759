import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AREA_HOME, AREA_LABEL, areaOfPath, safeCallbackPath } from "@/lib/auth/areas";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  const area = callbackPath ? areaOfPath(callbackPath) : null;
  const user = await getCurrentUser();
  if (user && (!area || area === user.area)) redirect(callbackPath ?? AREA_HOME[user.area]);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Sign in</h1>
        <p className="lead">{area ? `to the ${AREA_LABEL[area]}` : "to the admin panel or the partner hub"}</p>
        <LoginForm area={area} callbackPath={callbackPath} />
      </div>
    </main>
  );
}
