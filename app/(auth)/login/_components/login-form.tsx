"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Area } from "@/lib/auth/areas";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

type Props = { area: Area | null; callbackPath: string | null };

export function LoginForm({ area, callbackPath }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      area: area ?? "",
    });
    if (!result || result.error) {
      setPending(false);
      setError(signInErrorMessage(result?.error));
      return;
    }
    // The root page sends the user to their own area when no page was asked for.
    router.replace(callbackPath ?? "/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in">
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <InputField label="Email" name="email" type="email" autoComplete="username" />
      <InputField label="Password" name="password" type="password" autoComplete="current-password" />
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
