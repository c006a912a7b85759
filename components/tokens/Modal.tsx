"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Props = {
  labelledBy: string;
  describedBy?: string;
  /** Escape was pressed: the owner decides whether to close (the new-token dialog asks first). */
  onCancel: () => void;
  /** The browser closed the dialog on its own (Chrome does on a second Escape); the owner must unmount it. */
  onClosed: () => void;
  children: ReactNode;
};

/**
 * A native modal <dialog>, open for as long as it is mounted. The browser supplies the dialog role, the
 * focus trap and the inert background.
 */
export function Modal({ labelledBy, describedBy, onCancel, onClosed, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
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
