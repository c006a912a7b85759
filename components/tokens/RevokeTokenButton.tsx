"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { RevokeTokenDialog, type RevocableToken } from "./RevokeTokenDialog";

/** A row's Delete action; the token is only revoked once the dialog is confirmed. */
export function RevokeTokenButton({ token }: { token: RevocableToken }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="link-danger" aria-label={`Delete ${token.name}`} onClick={() => setOpen(true)}>
        Delete
      </Button>
      {open && <RevokeTokenDialog token={token} onClose={() => setOpen(false)} />}
    </>
  );
}
