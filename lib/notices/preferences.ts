import "server-only";
// Which notices a user wants. Stored as the kinds turned off, so that a new kind of notice is on by default
// and a user without a row gets every notice. Always keyed by the user id from the session.
import { db } from "../db/client";
import { OPTIONAL_NOTICE_KINDS, type OptionalNoticeKind } from "./kinds";

export type NoticePreferences = Record<OptionalNoticeKind, boolean>;

export async function getNoticePreferences(userId: string): Promise<NoticePreferences> {
  const off = userId ? await db.noticeOptOut.findMany({ where: { userId }, select: { kind: true } }) : [];
  const disabled = new Set(off.map((row) => row.kind));
  return Object.fromEntries(OPTIONAL_NOTICE_KINDS.map((kind) => [kind, !disabled.has(kind)])) as NoticePreferences;
}

/** Turns on exactly the `enabled` kinds and off the other optional ones. */
export async function setNoticePreferences(userId: string, enabled: ReadonlySet<OptionalNoticeKind>): Promise<void> {
  if (!userId) throw new Error("no user");
  const off = OPTIONAL_NOTICE_KINDS.filter((kind) => !enabled.has(kind));
  await db.$transaction([
    db.noticeOptOut.deleteMany({ where: { userId } }),
    db.noticeOptOut.createMany({ data: off.map((kind) => ({ userId, kind })) }),
  ]);
}
