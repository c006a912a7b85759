"use client";

import { useFocusFirstInvalid } from "@/components/ui/use-focus-invalid";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { DialogActions, DialogTitle } from "@/components/ui/dialog";
import { InputField } from "@/components/ui/field";
import { submittedValue } from "@/lib/actions/state";
import type { GenerateTokenState } from "@/lib/tokens/shared/action-state";
import { TOKEN_NAME_MAX } from "@/lib/tokens/shared/validation";
import { ExpiryField } from "./ExpiryField";
import { useNameInUse } from "./useNameInUse";

type Props = {
  titleId: string;
  state: GenerateTokenState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  onCancel: () => void;
  maxLifetimeDays: number | null;
  /** Shown above the buttons: what the token will be able to do. */
  children?: ReactNode;
};

export function GenerateTokenForm({ titleId, state, formAction, pending, onCancel, maxLifetimeDays, children }: Props) {
  const formRef = useFocusFirstInvalid(state);
  const error = state.status === "error" ? state : null;
  const nameError = error?.errors?.name?.[0];
  const expiryError = error?.errors?.expiry?.[0];
  const [name, setName] = useState(submittedValue(state, "name") ?? "");
  const nameInUse = useNameInUse(name);

  return (
    // noValidate: the shared schema gives the messages, the same ones the server would.
    <form ref={formRef} action={formAction} noValidate>
      <DialogTitle id={titleId}>Generate token</DialogTitle>
      <p className="text-sm text-muted">
        The token acts on your behalf: it has your permissions and sees what you see. Name it after the integration that will use
        it.
      </p>
      {error && !nameError && !expiryError && (
        <Alert tone="danger" role="alert">
          {error.message}
        </Alert>
      )}
      <InputField
        label="Name"
        name="name"
        autoFocus
        // React resets the form after each submission; the submitted name comes back so it can be fixed.
        defaultValue={submittedValue(state, "name") ?? ""}
        onChange={(event) => setName(event.target.value)}
        hint={
          nameInUse
            ? `You already have a token named “${name.trim()}”. Names may repeat, but a distinct one tells them apart. Up to ${TOKEN_NAME_MAX} characters.`
            : `Up to ${TOKEN_NAME_MAX} characters.`
        }
        error={nameError}
      />
      <ExpiryField
        key={error ? `${submittedValue(state, "expiry") ?? ""}|${submittedValue(state, "expiresOn") ?? ""}` : "initial"}
        maxLifetimeDays={maxLifetimeDays}
        submitted={error ? { expiry: submittedValue(state, "expiry"), expiresOn: submittedValue(state, "expiresOn") } : undefined}
        error={expiryError}
      />
      {children}
      <DialogActions onCancel={onCancel} pending={pending} label="Generate token" />
    </form>
  );
}
