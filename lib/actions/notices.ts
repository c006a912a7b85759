"use server";

// The signed-in user's own notice settings. A public HTTP endpoint built with serverAction: the user comes
// from the session, never from the form.
import { revalidatePath } from "next/cache";
import { isOptionalNoticeKind, type OptionalNoticeKind } from "../notices/kinds";
import { setNoticePreferences } from "../notices/preferences";
import { TOKEN_PAGE_PATHS } from "../tokens/shared/paths";
import { serverAction } from "./server-action";
import { succeeded } from "./state";

const NOTICE_MESSAGES = {
  saved: "Email notice settings saved.",
  refused: "Choose among the offered notices.",
  failed: "The notice settings could not be saved because of a problem on our side. Nothing was changed; please try again.",
} as const;

export const updateNoticePreferencesAction = serverAction({ name: "notice_preferences", guard: "user", failed: NOTICE_MESSAGES.failed })
  .input((formData) => {
    const submitted = formData.getAll("notice").map(String);
    if (!submitted.every(isOptionalNoticeKind)) return { ok: false, message: NOTICE_MESSAGES.refused };
    return { ok: true, input: new Set<OptionalNoticeKind>(submitted) };
  })
  .run(async (enabled, { user }) => {
    await setNoticePreferences(user.id, enabled);
    for (const path of TOKEN_PAGE_PATHS) revalidatePath(path);
    return succeeded(NOTICE_MESSAGES.saved);
  });
