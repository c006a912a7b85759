"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import type { RevocableToken } from "./RevokeTokenDialog";
import { RegenerateTokenDialog } from "./RegenerateTokenDialog";

/** A row's Regenerate action: a new secret for the same token, shown once. */
export function RegenerateTokenButton({ token }: { token: RevocableToken }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link" aria-label={`Regenerate ${token.name}`} onClick={() => setOpen(true)}>
        Regenerate
      </Button>
      {/* Mounted only while open: closing drops the new secret from memory along with the state. */}
      {open && <RegenerateTokenDialog token={token} onClose={() => setOpen(false)} />}
    </>
  );
}
