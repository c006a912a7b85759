"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId } from "react";
import { useToast } from "@/components/ui/toast";
import { useConfirmedActionState } from "@/components/auth/useConfirmedActionState";
import { regenerateTokenAction } from "@/lib/actions/tokens";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogTitle } from "@/components/ui/dialog";
import { NewTokenPanel, useShownOnce } from "./NewTokenPanel";
import type { RevocableToken } from "./RevokeTokenDialog";

const OVERLAPS = [
  { value: "none", label: "Stop the old secret now" },
  { value: "1h", label: "Keep the old secret working for 1 hour" },
  { value: "24h", label: "Keep the old secret working for 24 hours" },
  { value: "7d", label: "Keep the old secret working for 7 days" },
] as const;

/**
 * Regenerates a token: the owner picks how long the old secret keeps working, then sees the new token
 * once. The token keeps its ID, name, expiry and history.
 */
export function RegenerateTokenDialog({ token, onClose }: { token: RevocableToken; onClose: () => void }) {
  const titleId = useId();
  const router = useRouter();
  const [state, formAction, pending, confirmDialog] = useConfirmedActionState(regenerateTokenAction, INITIAL_ACTION_STATE);
  const created = state.status === "success" ? state.created : null;
  const toast = useToast();
  useEffect(() => {
    if (created) toast("Token regenerated");
  }, [created, toast]);

  function close() {
    // A refusal means the list is out of date (revoked elsewhere, say): show the current one.
    if (state.status === "error") router.refresh();
    onClose();
  }
  const { requestClose, panelProps } = useShownOnce(created, close);

  return (
    <>
      <Dialog labelledBy={titleId} onCancel={requestClose} onClosed={close}>
        {created ? (
          <NewTokenPanel titleId={titleId} created={created} {...panelProps} verb="regenerated" />
        ) : (
          <form action={formAction}>
            <DialogTitle id={titleId}>Regenerate token</DialogTitle>
            <p>
              Issue a new secret for <strong className="token-name">{token.name}</strong>? The token keeps its ID, name, expiry and
              history; integrations must switch to the new value.
            </p>
            <div className="secret-box">
              <code>{token.masked}</code>
            </div>
            <input type="hidden" name="tokenId" value={token.id} />
            <fieldset className="choice-list">
              <legend>The old secret</legend>
              {OVERLAPS.map((overlap, index) => (
                <label key={overlap.value} className="choice">
                  <input type="radio" name="overlap" value={overlap.value} defaultChecked={index === 0} /> {overlap.label}
                </label>
              ))}
            </fieldset>
            {state.status === "error" && (
              <Alert tone="danger" role="alert">
                {state.message}
              </Alert>
            )}
            <DialogActions onCancel={close} pending={pending} label="Regenerate token" />
          </form>
        )}
      </Dialog>
      {/* Beside the dialog, not inside it: its Escape must close only itself. */}
      {confirmDialog}
    </>
  );
}
