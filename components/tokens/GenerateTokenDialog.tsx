"use client";

import { useActionState, useId, useRef, useState } from "react";
import { generateTokenAction } from "@/lib/actions/tokens";
import { INITIAL_GENERATE_STATE, TOKEN_MESSAGES, type GenerateTokenState } from "@/lib/tokens/action-state";
import { parseGenerateTokenForm } from "@/lib/tokens/validation";
import { GenerateTokenForm } from "./GenerateTokenForm";
import { Modal } from "./Modal";
import { NewTokenPanel } from "./NewTokenPanel";

// The browser checks the name with the action's own schema first, so a bad name costs no request; the
// action checks again because it is a public endpoint. The previous state is not sent back to the server.
async function submitGenerate(_previous: GenerateTokenState, formData: FormData): Promise<GenerateTokenState> {
  const parsed = parseGenerateTokenForm(formData);
  if (!parsed.success) {
    const submitted = formData.get("name");
    return { status: "error", message: TOKEN_MESSAGES.invalidName, errors: parsed.errors, name: typeof submitted === "string" ? submitted : "" };
  }
  return generateTokenAction(INITIAL_GENERATE_STATE, formData);
}

/** The "Generate token" button and its dialog: the form, then the new token shown once. */
export function GenerateTokenDialog() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  function close() {
    setOpen(false);
    trigger.current?.focus();
  }

  return (
    <>
      <button ref={trigger} type="button" className="button-primary" onClick={() => setOpen(true)}>
        Generate token
      </button>
      {/* Mounted only while open: closing drops the plaintext token from memory along with the state. */}
      {open && <GenerateTokenFlow onClose={close} />}
    </>
  );
}

function GenerateTokenFlow({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const [state, formAction, pending] = useActionState(submitGenerate, INITIAL_GENERATE_STATE);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [copied, setCopied] = useState(false);
  const created = state.status === "success" ? state.created : null;

  function requestClose() {
    if (created && !copied) setConfirmingClose(true);
    else onClose();
  }

  return (
    <Modal labelledBy={titleId} onCancel={requestClose} onClosed={onClose}>
      {created ? (
        <NewTokenPanel
          titleId={titleId}
          created={created}
          copied={copied}
          onCopied={() => setCopied(true)}
          confirmingClose={confirmingClose}
          onKeepOpen={() => setConfirmingClose(false)}
          onRequestClose={requestClose}
          onClose={onClose}
        />
      ) : (
        <GenerateTokenForm titleId={titleId} state={state} formAction={formAction} pending={pending} onCancel={onClose} />
      )}
    </Modal>
  );
}
