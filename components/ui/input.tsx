import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

export const CONTROL_CLASSES =
  "ui-control block w-full min-w-0 rounded-md border border-border bg-surface px-3 py-2 text-sm text-text shadow-sm " +
  "placeholder:text-muted focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent " +
  "aria-invalid:border-danger disabled:opacity-60";

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> }) {
  return <input className={cn(CONTROL_CLASSES, className)} {...rest} />;
}

export function Textarea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: React.Ref<HTMLTextAreaElement> }) {
  return <textarea className={cn(CONTROL_CLASSES, className)} {...rest} />;
}

/** A native select: the platform's own picker is the accessible one on phones and with screen readers. */
export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> }) {
  return <select className={cn(CONTROL_CLASSES, "pr-8", className)} {...rest} />;
}
