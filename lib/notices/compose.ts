// The text of each notice. A mail names the token and its ID (the masked form shown in the lists), says
// what happened and when, and links to the token's details view. It never carries a secret: only the
// token's name and ID reach this module.
import { maskToken } from "../tokens/server/format";
import { ADMIN_TOKENS_PATH, PARTNER_TOKENS_PATH } from "../tokens/shared/paths";
import type { NoticeKind } from "./kinds";

export type NoticeFacts = {
  kind: NoticeKind;
  token: { id: string; name: string };
  owner: { name: string; area: string };
  at: Date;
  /** token_expiry: the token's expiry; token_new_address: the address. */
  expiresAt?: Date;
  address?: string;
  /** token_expiry: days left at the threshold (7, 1 or 0). */
  daysLeft?: number;
};

export type ComposedNotice = { subject: string; body: string };

function publicUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

export function detailsLink(area: string, tokenId: string): string {
  return `${publicUrl()}${area === "partner" ? PARTNER_TOKENS_PATH : ADMIN_TOKENS_PATH}/${tokenId}`;
}

function when(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function whatHappened(facts: NoticeFacts): { subject: string; line: string } {
  const name = `“${facts.token.name}”`;
  switch (facts.kind) {
    case "token_created":
      return { subject: `A new API token was generated: ${facts.token.name}`, line: `The API token ${name} was generated on ${when(facts.at)}.` };
    case "token_regenerated":
      return {
        subject: `An API token was regenerated: ${facts.token.name}`,
        line: `The API token ${name} got a new secret on ${when(facts.at)}. Integrations using the old secret must switch to the new one.`,
      };
    case "token_reported":
      return {
        subject: `An API token was revoked because it was exposed: ${facts.token.name}`,
        line: `The API token ${name} was reported as exposed in public and was revoked on ${when(facts.at)}. It no longer works; generate a new token for whatever used it.`,
      };
    case "token_new_address":
      return {
        subject: `An API token was used from a new address: ${facts.token.name}`,
        line: `The API token ${name} was used from ${facts.address ?? "an address"} for the first time on ${when(facts.at)}. If this was not you or your integration, revoke the token.`,
      };
    case "token_expiry": {
      const expires = facts.expiresAt ? when(facts.expiresAt) : "soon";
      if (facts.daysLeft === 0) return { subject: `An API token has expired: ${facts.token.name}`, line: `The API token ${name} expired on ${expires}. Generate a new token for whatever used it.` };
      const left = facts.daysLeft === 1 ? "1 day" : `${facts.daysLeft} days`;
      return { subject: `An API token expires in ${left}: ${facts.token.name}`, line: `The API token ${name} expires on ${expires}. Regenerate it or generate a new one before then.` };
    }
  }
}

export function composeNotice(facts: NoticeFacts): ComposedNotice {
  const { subject, line } = whatHappened(facts);
  const body = [
    `Hello ${facts.owner.name},`,
    "",
    line,
    "",
    `Token: ${facts.token.name} (${maskToken(facts.token.id)})`,
    `Details: ${detailsLink(facts.owner.area, facts.token.id)}`,
    "",
    "You can turn off the notices you do not need on your API tokens page; the notice about an exposed token cannot be turned off.",
  ].join("\n");
  return { subject, body };
}
