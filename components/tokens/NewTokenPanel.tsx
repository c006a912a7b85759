"use client";

import { useId, useState } from "react";
import type { NewToken } from "@/lib/tokens/shared/action-state";
import { API_REFERENCE_PATH } from "@/lib/api/reference-path";
import { CopyButton } from "./CopyButton";

type Props = {
  titleId: string;
  created: NewToken;
  copied: boolean;
  onCopied: () => void;
  confirmingClose: boolean;
  onKeepOpen: () => void;
  onRequestClose: () => void;
  onClose: () => void;
  /** What happened to the token: a new one, or a new secret for an existing one. */
  verb?: "generated" | "regenerated";
};

/**
 * The close logic around a token shown once: closing before copying asks for confirmation first.
 * Returns the handler for the dialog's Escape and the panel's props besides the title and the token.
 */
export function useShownOnce(created: NewToken | null, onClose: () => void) {
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [copied, setCopied] = useState(false);
  function requestClose() {
    if (created && !copied) setConfirmingClose(true);
    else onClose();
  }
  return {
    requestClose,
    panelProps: { copied, onCopied: () => setCopied(true), confirmingClose, onKeepOpen: () => setConfirmingClose(false), onRequestClose: requestClose, onClose },
  };
}

/** The new token, shown this once; closing without copying asks for confirmation first. */
export function NewTokenPanel({ titleId, created, copied, onCopied, confirmingClose, onKeepOpen, onRequestClose, onClose, verb = "generated" }: Props) {
  const tokenId = useId();
  const warningId = useId();

  return (
    <div>
      <h2 id={titleId}>Copy your new token</h2>
      <p>
        Token <strong className="token-name">{created.name}</strong> was {verb}.
      </p>
      <p id={warningId} className="warning">
        Copy this token now and keep it somewhere safe. It will not be shown again.
      </p>
      <label htmlFor={tokenId} className="visually-hidden">
        New token
      </label>
      <div className="secret-box">
        {/* Two rows, so the whole token (checksum included) is in view for copying by hand. */}
        <textarea
          id={tokenId}
          className="mono"
          rows={2}
          readOnly
          spellCheck={false}
          value={created.token}
          aria-describedby={warningId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={created.token} copied={copied} onCopied={onCopied} />
      </div>
      <p>
        Send it as <code>Authorization: Bearer &lt;token&gt;</code>; the{" "}
        <a href={API_REFERENCE_PATH} target="_blank" rel="noopener">
          API reference
        </a>{" "}
        (opens in a new tab, so this token stays on screen) shows every call.
      </p>
      {confirmingClose ? (
        <div className="warning" role="alert">
          <p className="confirm-text">You have not copied the token. Once this dialog is closed it cannot be shown again.</p>
          <div className="dialog-actions">
            <button type="button" onClick={onKeepOpen}>
              Back to the token
            </button>
            <button type="button" className="button-danger" onClick={onClose}>
              Close without copying
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button-primary" onClick={onRequestClose}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
