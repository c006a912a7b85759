"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { updateTokenNoteAction } from "@/lib/actions/tokens";
import { fieldError, INITIAL_ACTION_STATE, submittedValue } from "@/lib/actions/state";
import { TOKEN_NOTE_MAX } from "@/lib/tokens/shared/validation";

/** The owner's description of a token, edited in its details view. Empty clears it. */
export function TokenNoteForm({ tokenId, note }: { tokenId: string; note: string | null }) {
  const [state, formAction, pending] = useActionState(updateTokenNoteAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} aria-label="Token note" className="mb-5 rounded-lg border border-border bg-surface p-4 shadow-sm sm:p-5">
      <FormMessage state={state} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <Field label="Note" hint={`What the token is for, up to ${TOKEN_NOTE_MAX} characters. Only you see it.`} error={fieldError(state, "note")}>
        {/* Keyed by the saved note: React resets the form after each submission, back to the default it was
            mounted with. */}
        {(control) => <Textarea key={note ?? ""} name="note" rows={3} defaultValue={submittedValue(state, "note") ?? note ?? ""} {...control} />}
      </Field>
      <Button type="submit" variant="primary" pending={pending}>
        Save note
      </Button>
    </form>
  );
}
