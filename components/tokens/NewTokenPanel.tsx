"use client";

import { Button } from "@/components/ui/button";
import { useId, useState } from "react";
import type { NewToken } from "@/lib/tokens/shared/action-state";
import { API_REFERENCE_PATH } from "@/lib/api/reference-path";
import { Alert } from "@/components/ui/alert";
import { DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { useApiOrigin } from "./ApiOrigin";
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

/** The new token, shown this once, with how to send it; closing without copying asks for confirmation first. */
export function NewTokenPanel({ titleId, created, copied, onCopied, confirmingClose, onKeepOpen, onRequestClose, onClose, verb = "generated" }: Props) {
  const tokenId = useId();
  const warningId = useId();
  const origin = useApiOrigin();

  return (
    <div>
      <DialogTitle id={titleId}>Copy your new token</DialogTitle>
      <p>
        Token <strong className="token-name">{created.name}</strong> was {verb}.
      </p>
      <Alert tone="warning" id={warningId}>
        Copy this token now and keep it somewhere safe. It will not be shown again.
      </Alert>
      <label htmlFor={tokenId} className="sr-only">
        New token
      </label>
      <div className="mb-4 flex flex-col gap-2 rounded-md border border-border bg-subtle p-2 sm:flex-row sm:items-start">
        {/* Sized to its content, so the whole token (checksum included) is in view for copying by hand. */}
        <textarea
          id={tokenId}
          className="field-sizing-content min-h-12 w-full flex-1 resize-none border-0 bg-transparent p-1 font-mono text-sm break-all text-text"
          readOnly
          spellCheck={false}
          value={created.token}
          aria-describedby={warningId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={created.token} copied={copied} onCopied={onCopied} />
      </div>
      <details className="mb-2 text-sm">
        <summary className="cursor-pointer font-medium">How to use it</summary>
        <p className="mt-2">Send it in the Authorization header of every request:</p>
        <pre className="overflow-x-auto rounded-md bg-gray-900 p-3 text-xs text-gray-100">
          <code>Authorization: Bearer &lt;your token&gt;</code>
        </pre>
        <p className="mt-2">For example:</p>
        <pre className="overflow-x-auto rounded-md bg-gray-900 p-3 text-xs text-gray-100">
          <code>{`curl -H "Authorization: Bearer $TOKEN" ${origin}/api/v1/me`}</code>
        </pre>
      </details>
      {/* Outside the collapsed section, so the way to the reference is always in view. */}
      <p className="mb-2 text-sm">
        Every endpoint is described in the <a href={API_REFERENCE_PATH} target="_blank" rel="noopener">API reference</a> (opens in a new tab, so this token stays on screen).
      </p>
      {confirmingClose ? (
        <Alert tone="warning" role="alert">
          <p className="m-0">You have not copied the token. Once this dialog is closed it cannot be shown again.</p>
          <DialogFooter>
            <Button onClick={onKeepOpen}>Back to the token</Button>
            <Button variant="danger" onClick={onClose}>
              Close without copying
            </Button>
          </DialogFooter>
        </Alert>
      ) : (
        <DialogFooter>
          <Button variant="primary" onClick={onRequestClose}>
            Done
          </Button>
        </DialogFooter>
      )}
    </div>
  );
}
