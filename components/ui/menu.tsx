"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  /** The button's accessible name, e.g. "Menu". */
  label: string;
  /** Classes of the wrapper: e.g. shown on small screens only. */
  className?: string;
  buttonClassName?: string;
  panelClassName?: string;
  children: ReactNode;
};

/**
 * A button that shows and hides a panel of links (the disclosure pattern: links stay links, unlike an
 * ARIA menu). Escape closes it and puts focus back on the button; following a link closes it.
 */
export function Menu({ label, className, buttonClassName, panelClassName, children }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className={className}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className={buttonClassName}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" fill="currentColor">
          {open ? (
            <path d="M5.3 4 10 8.6 14.7 4 16 5.3 11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3z" />
          ) : (
            <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
          )}
        </svg>
        <span>{label}</span>
      </button>
      <div id={panelId} hidden={!open} className={cn(panelClassName)}>
        {children}
      </div>
    </div>
  );
}
