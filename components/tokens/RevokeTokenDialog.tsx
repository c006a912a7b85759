"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useId } from "react";
import { revokeTokenAction } from "@/lib/actions/tokens";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/state";
import { useToast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogActions, DialogTitle } from "@/components/ui/dialog";

export type RevocableToken = { id: string; name: string; masked: string };

/** Confirms a revocation, restating the token's name and masked value above a red button. */
export function RevokeTokenDialog({ token, onClose }: { token: RevocableToken; onClose: () => void }) {
  const titleId = useId();
  const descriptionId = useId();
  const router = useRouter();
  const toast = useToast();
  // The toast is raised here, not in an effect: the refreshed list may drop this row, and this dialog with
  // it, in the same update that brings the answer.
  const [state, formAction, pending] = useActionState(
    useCallback(
      async (previous: ActionState, formData: FormData) => {
        const result = await revokeTokenAction(previous, formData);
        if (result.status === "success") toast("Token revoked");
        return result;
      },
      [toast],
    ),
    INITIAL_ACTION_STATE,
  );

  // On success the action has already refreshed the list, which no longer has this row.
  useEffect(() => {
    if (state.status === "success") onClose();
  }, [state, onClose]);

  function close() {
    // A refusal means the list is out of date (revoked elsewhere, say): show the current one.
    if (state.status === "error") router.refresh();
    onClose();
  }

  return (
    <Dialog labelledBy={titleId} describedBy={descriptionId} onCancel={close} onClosed={close}>
      <form action={formAction}>
        <DialogTitle id={titleId}>Revoke token</DialogTitle>
        <p id={descriptionId}>
          Deleting <strong className="token-name">{token.name}</strong> revokes it at once: integrations using it fail on their next
          request. This cannot be undone.
        </p>
        <div className="secret-box">
          <code>{token.masked}</code>
        </div>
        <input type="hidden" name="tokenId" value={token.id} />
        {state.status === "error" && (
          <Alert tone="danger" role="alert">
            {state.message}
          </Alert>
        )}
        <DialogActions onCancel={close} pending={pending} label="Revoke" danger />
      </form>
    </Dialog>
  );
}
