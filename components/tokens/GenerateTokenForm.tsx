"use client";

import { useId, type ReactNode } from "react";
import { submittedValue } from "@/lib/actions/state";
import type { GenerateTokenState } from "@/lib/tokens/shared/action-state";
import { TOKEN_NAME_MAX } from "@/lib/tokens/shared/validation";
import { DialogActions } from "./DialogActions";
import { ExpiryField } from "./ExpiryField";

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
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const error = state.status === "error" ? state : null;
  const nameError = error?.errors?.name?.[0];
  const expiryError = error?.errors?.expiry?.[0];

  return (
    // noValidate: the shared schema gives the messages, the same ones the server would.
    <form action={formAction} noValidate>
      <h2 id={titleId}>Generate token</h2>
      <p className="muted">
        The token acts on your behalf: it has your permissions and sees what you see. Name it after the integration that will use
        it.
      </p>
      {error && !nameError && !expiryError && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          name="name"
          type="text"
          autoComplete="off"
          autoFocus
          required
          // React resets the form after each submission; the submitted name comes back so it can be fixed.
          defaultValue={submittedValue(state, "name") ?? ""}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${errorId} ${hintId}` : hintId}
        />
        <p id={hintId} className="muted field-hint">
          Up to {TOKEN_NAME_MAX} characters.
        </p>
        {nameError && (
          <p id={errorId} className="field-error" role="alert">
            {nameError}
          </p>
        )}
      </div>
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
