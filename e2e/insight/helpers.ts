// Helpers for the token-insight tests: the details view of a token, and API calls from a chosen address
// (the test server trusts one proxy hop, so the test plays that proxy and names the caller's address).
import crypto from "node:crypto";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { bearer } from "../support/tokens";

export function detailsPath(areaPath: string, tokenId: string): string {
  return `${areaPath}/${tokenId}`;
}

/** A documentation-range address (198.18.0.0/15) unique to the test. */
export function addressPrefix(): string {
  const bytes = crypto.randomBytes(2);
  return `198.${18 + (bytes[0] & 1)}.${bytes[1]}`;
}

export function callFrom(request: APIRequestContext, token: string, address: string, userAgent: string, path = "/api/v1/me") {
  return request.get(path, { headers: { ...bearer(token), "X-Forwarded-For": address, "User-Agent": userAgent } });
}

/** The row of the token list holding the token's name (a link, perhaps with a badge beside it). */
export function listRow(page: Page, name: string): Locator {
  return page.getByRole("table", { name: "API tokens" }).locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
}

export function activityItems(page: Page): Locator {
  return page.getByRole("list", { name: "Activity" }).getByRole("listitem");
}
