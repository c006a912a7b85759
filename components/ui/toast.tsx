"use client";

import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

type Toast = { id: number; message: string };

const ToastContext = createContext<(message: string) => void>(() => {});

/** Shows a short confirmation ("Token revoked") and reads it out politely. */
export function useToast(): (message: string) => void {
  return useContext(ToastContext);
}

const SHOWN_MS = 6000;

/**
 * The page's one polite live region. It is in the document before any message, because screen readers
 * announce changes to a live region they already know, not a region that appears with its text. It has no
 * "status" role: a form's own outcome message is the page's status, and stays the only one.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback((message: string) => {
    const id = ++next.current;
    setToasts((current) => [...current.slice(-2), { id, message }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), SHOWN_MS);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        aria-live="polite"
        data-toasts=""
        className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex flex-col items-center gap-2 sm:inset-x-auto sm:right-4 sm:bottom-4 sm:items-end"
      >
        {toasts.map((toast) => (
          <p key={toast.id} className="pointer-events-auto rounded-lg bg-gray-900 px-4 py-2.5 text-sm text-white shadow-lg">
            {toast.message}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
