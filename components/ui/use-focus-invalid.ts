"use client";

import { useEffect, useRef } from "react";

/**
 * After a submission comes back refused, moves focus to the first field marked invalid, so a keyboard or
 * screen-reader user lands on what to fix. Returns the ref for the form.
 */
export function useFocusFirstInvalid(state: { status: string }) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status !== "error") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return form;
}
