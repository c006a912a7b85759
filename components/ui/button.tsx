import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link" | "link-danger";

const BASE =
  "ui-button inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-md text-sm font-medium transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-default disabled:opacity-60";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent px-3.5 py-2 text-white shadow-sm hover:bg-accent-strong",
  secondary: "border border-border bg-surface px-3.5 py-2 text-text shadow-sm hover:bg-subtle",
  danger: "bg-danger px-3.5 py-2 text-white shadow-sm hover:bg-danger-strong",
  ghost: "px-2.5 py-1.5 text-text hover:bg-subtle",
  link: "px-1.5 py-1 text-accent underline-offset-2 hover:underline",
  "link-danger": "px-1.5 py-1 text-danger underline-offset-2 hover:underline",
};

/** Classes of a button, for links that look like one. */
export function buttonClasses(variant: ButtonVariant = "secondary", className?: string): string {
  return cn(BASE, VARIANTS[variant], className);
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  /** The action behind it runs: the button is disabled and says so to assistive technology. */
  pending?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
};

export function Button({ variant = "secondary", pending = false, className, type = "button", disabled, ...rest }: Props) {
  return (
    <button
      type={type}
      className={buttonClasses(variant, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    />
  );
}
