import type { ReactNode } from "react";
import { cn } from "./cn";

/** A bordered section of a page, with an optional heading. */
type Props = {
  title?: ReactNode;
  titleId?: string;
  /** The section's name when it has no visible title. */
  label?: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
};

export function Card({ title, titleId, label, actions, className, children }: Props) {
  return (
    <section className={cn("mb-5 rounded-lg border border-border bg-surface p-4 shadow-sm sm:p-5", className)} aria-labelledby={title ? titleId : undefined} aria-label={title ? undefined : label}>
      {(title || actions) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && (
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
