import type { ActionState } from "@/lib/actions/state";

/** The outcome of the last submission, announced to screen readers: a refusal or a confirmation. */
export function FormAlert({ state }: { state: ActionState }) {
  if (state.status === "error") {
    return (
      <p className="form-error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.status === "success") {
    return (
      <p className="notice" role="status">
        {state.message}
      </p>
    );
  }
  return null;
}
