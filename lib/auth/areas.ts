// The two areas people sign in to, and where each one lives.
export type Area = "staff" | "partner";

export const AREA_HOME: Record<Area, string> = { staff: "/admin", partner: "/partner" };

export const AREA_LABEL: Record<Area, string> = { staff: "admin panel", partner: "partner hub" };

/** The area a path belongs to, if any. */
export function areaOfPath(path: string): Area | null {
  if (path === "/admin" || path.startsWith("/admin/")) return "staff";
  if (path === "/partner" || path.startsWith("/partner/")) return "partner";
  return null;
}

/** Only same-site relative paths are followed after sign-in, never another origin. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value;
}
