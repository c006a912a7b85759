"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";

type Props = { text: string; copied: boolean; onCopied: () => void };

/** Copies to the clipboard and then reads "Copied"; where the clipboard is refused, says how to copy by hand. */
export function CopyButton({ text, copied, onCopied }: Props) {
  const [failed, setFailed] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setFailed(false);
      onCopied();
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <Button onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </Button>
      {failed && (
        <span className="field-error" role="alert">
          Copying failed: select the token and copy it yourself.
        </span>
      )}
    </>
  );
}
