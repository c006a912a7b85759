"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

type Props = {
  labelledBy: string;
  describedBy?: string;
  /** Escape was pressed: the owner decides whether to close (the new-token dialog asks first). */
  onCancel: () => void;
  /** The browser closed the dialog on its own (Chrome does on a second Escape); the owner must unmount it. */
  onClosed: () => void;
  /** Where focus goes when the control that opened the dialog is gone (its row was revoked, say). */
  fallbackFocus?: () => HTMLElement | null;
  size?: "md" | "lg";
  children: ReactNode;
};

/** The page's main region, focusable from script: where focus goes when nothing better is left. */
export function mainContent(): HTMLElement | null {
  return document.getElementById("main-content");
}

/**
 * A native modal <dialog>, open for as long as it is mounted. The browser supplies the dialog role, the
 * focus trap and the inert background. Focus goes back to the control that opened it; browsers do that
 * only when the dialog is closed while still in the page, and React removes it first.
 */
export function Dialog({ labelledBy, describedBy, onCancel, onClosed, fallbackFocus = mainContent, size = "md", children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const fallback = useRef(fallbackFocus);
  fallback.current = fallbackFocus;

  // A layout effect: its clean-up runs while the dialog and its opener are still in the document.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
      // The opener may leave with the same update (a revoked row): look again once the page has settled.
      setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && !opener?.isConnected) fallback.current()?.focus();
      }, 0);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-1.5rem)] overflow-y-auto rounded-xl border border-border bg-surface p-5 text-text shadow-xl backdrop:bg-gray-900/50 sm:p-6",
        size === "lg" ? "max-w-2xl" : "max-w-lg",
      )}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={(event) => {
        // Our own close() on unmount also fires this, on a detached or (in development) reopened dialog.
        const dialog = event.currentTarget;
        if (dialog.isConnected && !dialog.open) onClosed();
      }}
    >
      {children}
    </dialog>
  );
}

export function DialogTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="mb-2 text-lg font-semibold">
      {children}
    </h2>
  );
}

/** A row of dialog buttons, the main one last; they stack full-width on a phone. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}

/** A form dialog's Cancel and submit buttons; the submit is disabled while its action runs. */
export function DialogActions({ onCancel, pending, label, danger = false }: { onCancel: () => void; pending: boolean; label: string; danger?: boolean }) {
  return (
    <DialogFooter>
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} pending={pending}>
        {label}
      </Button>
    </DialogFooter>
  );
}
