"use client";

import { createContext, useContext, type ReactNode } from "react";

const ApiOriginContext = createContext("");

/** Hands the app's address (worked out on the server) to the dialogs that show how to call the API. */
export function ApiOriginProvider({ origin, children }: { origin: string; children: ReactNode }) {
  return <ApiOriginContext.Provider value={origin}>{children}</ApiOriginContext.Provider>;
}

export function useApiOrigin(): string {
  return useContext(ApiOriginContext);
}
