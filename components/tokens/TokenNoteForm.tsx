"use client";

import { useActionState, useId } from "react";
import { FormAlert } from "@/components/admin/FormAlert";
import { updateTokenNoteAction } from "@/lib/actions/tokens";
import { fieldError, INITIAL_ACTION_STATE, submittedValue } from "@/lib/actions/state";
import { TOKEN_NOTE_MAX } from "@/lib/tokens/shared/validation";

/** The owner's description of a token, edited in its details view. Empty clears it. */
export function TokenNoteForm({ tokenId, note }: { tokenId: string; note: string | null }) {
  const [state, formAction, pending] = useActionState(updateTokenNoteAction, INITIAL_ACTION_STATE);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const error = fieldError(state, "note");
  return (
    <form action={formAction} aria-label="Token note" className="card">
      <FormAlert state={state} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <div className="field">
        <label htmlFor={fieldId}>Note</label>
        {/* Keyed by the saved note: React resets the form after each submission, back to the default it was
            mounted with. */}
        <textarea
          key={note ?? ""}
          id={fieldId}
          name="note"
          rows={3}
          defaultValue={submittedValue(state, "note") ?? note ?? ""}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
        <p id={hintId} className="muted field-hint">
          What the token is for, up to {TOKEN_NOTE_MAX} characters. Only you see it.
        </p>
      </div>
      <button type="submit" className="button-primary" disabled={pending} aria-busy={pending || undefined}>
        Save note
      </button>
    </form>
  );
}
