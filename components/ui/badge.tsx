import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "warn" | "danger" | "success" | "info";

const TONES: Record<BadgeTone, string> = {
  neutral: "border-border bg-subtle text-muted",
  warn: "badge-warn border-warning-border bg-warning-bg text-warning-text",
  danger: "badge-danger border-danger-border bg-danger-bg text-danger",
  success: "border-success-border bg-success-bg text-success",
  info: "border-info-border bg-info-bg text-accent",
};

/** A short status label; never wraps inside its pill. */
export function Badge({ tone = "neutral", className, title, children }: { tone?: BadgeTone; className?: string; title?: string; children: ReactNode }) {
  return (
    <span title={title} className={cn("badge inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium", TONES[tone], className)}>
      {children}
    </span>
  );
}
