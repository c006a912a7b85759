import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { cn } from "./cn";

type Tone = "info" | "warning" | "danger" | "success";

const TONES: Record<Tone, string> = {
  info: "border-info-border bg-info-bg text-text",
  warning: "border-warning-border bg-warning-bg text-warning-text",
  danger: "border-danger-border bg-danger-bg text-danger",
  success: "border-success-border bg-success-bg text-success",
};

/** A boxed message; role "alert" or "status" when it appears in answer to something the user did. */
export function Alert({ tone = "info", role, id, className, children }: { tone?: Tone; role?: "alert" | "status"; id?: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} role={role} className={cn("mb-4 rounded-md border px-4 py-3 text-sm", TONES[tone], className)}>
      {children}
    </div>
  );
}

/** The outcome of a form's last submission: a refusal (alert) or a confirmation (status). */
export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "error") {
    return (
      <Alert tone="danger" role="alert">
        {state.message}
      </Alert>
    );
  }
  if (state.status === "success") {
    return (
      <Alert tone="success" role="status">
        {state.message}
      </Alert>
    );
  }
  return null;
}
