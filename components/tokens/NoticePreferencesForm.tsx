"use client";

import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldSet } from "@/components/ui/field";
import { updateNoticePreferencesAction } from "@/lib/actions/notices";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { NOTICE_KIND_LABELS, OPTIONAL_NOTICE_KINDS, type OptionalNoticeKind } from "@/lib/notices/kinds";

/** The owner's choice of email notices about their tokens; the exposed-token notice is always sent. */
export function NoticePreferencesForm({ preferences }: { preferences: Record<OptionalNoticeKind, boolean> }) {
  const [state, formAction, pending] = useActionState(updateNoticePreferencesAction, INITIAL_ACTION_STATE);
  const id = useId();
  // Keyed by the saved choice: React resets the form after each submission to the defaults it was mounted with.
  const key = OPTIONAL_NOTICE_KINDS.map((kind) => (preferences[kind] ? 1 : 0)).join("");
  return (
    <Card title="Email notices" titleId={`${id}-heading`}>
      <form action={formAction} aria-label="Email notices" key={key}>
        <FormMessage state={state} />
        <FieldSet legend="Send me an email when">
          {OPTIONAL_NOTICE_KINDS.map((kind) => (
            <div className="choice" key={kind}>
              <input id={`${id}-${kind}`} type="checkbox" name="notice" value={kind} defaultChecked={preferences[kind]} />
              <label htmlFor={`${id}-${kind}`}>{NOTICE_KIND_LABELS[kind]}</label>
            </div>
          ))}
          <div className="choice">
            <input id={`${id}-reported`} type="checkbox" checked disabled readOnly />
            <label htmlFor={`${id}-reported`}>{NOTICE_KIND_LABELS.token_reported} (always sent)</label>
          </div>
        </FieldSet>
        <Button type="submit" variant="primary" pending={pending}>
          Save email notices
        </Button>
      </form>
    </Card>
  );
}
