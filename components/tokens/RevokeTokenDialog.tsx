"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { revokeTokenAction } from "@/lib/actions/tokens";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { DialogActions } from "./DialogActions";
import { Modal } from "./Modal";

export type RevocableToken = { id: string; name: string; masked: string };

/** Confirms a revocation, restating the token's name and masked value above a red button. */
export function RevokeTokenDialog({ token, onClose }: { token: RevocableToken; onClose: () => void }) {
  const titleId = useId();
  const descriptionId = useId();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(revokeTokenAction, INITIAL_ACTION_STATE);

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
    <Modal labelledBy={titleId} describedBy={descriptionId} onCancel={close} onClosed={close}>
      <form action={formAction}>
        <h2 id={titleId}>Revoke token</h2>
        <p id={descriptionId}>
          Revoke <strong className="token-name">{token.name}</strong>? Integrations using it stop working immediately. This cannot be
          undone.
        </p>
        <div className="secret-box">
          <code>{token.masked}</code>
        </div>
        <input type="hidden" name="tokenId" value={token.id} />
        {state.status === "error" && (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        )}
        <DialogActions onCancel={close} pending={pending} label="Revoke" danger />
      </form>
    </Modal>
  );
}
