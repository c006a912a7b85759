"use client";

import { startTransition, useActionState, useCallback, useRef, useState, type ReactNode } from "react";
import { needsPasswordConfirmation } from "@/lib/auth/confirmation";
import { ConfirmPasswordDialog } from "./ConfirmPasswordDialog";

/**
 * useActionState for the actions that need a recently typed password (sudo mode). When the action answers
 * that it does, the returned dialog asks for the password, then the same submission is sent again, so the
 * person retypes nothing. Render the dialog anywhere in the form's component (it is placed in the body).
 */
export function useConfirmedActionState<S>(
  action: (state: Awaited<S>, formData: FormData) => S | Promise<S>,
  initialState: Awaited<S>,
): [state: Awaited<S>, formAction: (formData: FormData) => void, pending: boolean, confirmDialog: ReactNode] {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initialState);
  // React resets the form after each submission: what was sent is kept here to be sent again.
  const lastSubmission = useRef<FormData | null>(null);
  const [answered, setAnswered] = useState<Awaited<S> | null>(null);

  const formAction = useCallback(
    (formData: FormData) => {
      lastSubmission.current = formData;
      dispatch(formData);
    },
    [dispatch],
  );

  const asking = needsPasswordConfirmation(state) && answered !== state;
  const confirmDialog = asking ? (
    <ConfirmPasswordDialog
      onConfirmed={() => {
        setAnswered(state);
        const submission = lastSubmission.current;
        if (submission) startTransition(() => dispatch(submission));
      }}
      onCancel={() => setAnswered(state)}
    />
  ) : null;
  return [state, formAction, pending, confirmDialog];
}
