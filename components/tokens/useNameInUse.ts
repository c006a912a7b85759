"use client";

import { useEffect, useState } from "react";
import { tokenNameInUseAction } from "@/lib/actions/tokens";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";

const WAIT_MS = 350;

/**
 * Whether the owner already has a token of the name being typed, asked once typing pauses. Names may repeat;
 * the form only warns, so that two integrations are not told apart by their creation date alone.
 */
export function useNameInUse(name: string): boolean {
  const [inUse, setInUse] = useState<{ name: string; taken: boolean }>({ name: "", taken: false });
  const trimmed = name.trim();
  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    const timer = setTimeout(async () => {
      const formData = new FormData();
      formData.set("name", trimmed);
      const answer = await tokenNameInUseAction(INITIAL_ACTION_STATE, formData);
      if (current) setInUse({ name: trimmed, taken: answer.status === "success" && answer.inUse });
    }, WAIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  return inUse.name === trimmed && trimmed !== "" && inUse.taken;
}
