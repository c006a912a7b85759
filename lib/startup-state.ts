import { processWide } from "./process-state.mjs";

// Whether this instance has finished its start-up (lib/startup.ts). Next.js may answer a request while
// instrumentation's register() is still running, so readiness asks this instead of assuming it.
const state = processWide("platformStartup", () => ({ finished: false }));

export function markStartupFinished(): void {
  state.finished = true;
}

export function startupFinished(): boolean {
  return state.finished;
}
