"use client";

import { useState } from "react";
import type { RevocableToken } from "./RevokeTokenDialog";
import { RegenerateTokenDialog } from "./RegenerateTokenDialog";

/** A row's Regenerate action: a new secret for the same token, shown once. */
export function RegenerateTokenButton({ token }: { token: RevocableToken }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-link" aria-label={`Regenerate ${token.name}`} onClick={() => setOpen(true)}>
        Regenerate
      </button>
      {/* Mounted only while open: closing drops the new secret from memory along with the state. */}
      {open && <RegenerateTokenDialog token={token} onClose={() => setOpen(false)} />}
    </>
  );
}
