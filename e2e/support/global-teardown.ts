// After the run: kills every app instance of this run that is still running, whatever left it behind (a
// worker killed before its fixtures' teardown, an instance started without a fixture and never stopped).
import { currentRunId, entries, killEntry } from "./instance-registry";

export default function globalTeardown(): void {
  const runId = currentRunId();
  for (const entry of entries().filter((entry) => entry.runId === runId)) {
    if (killEntry(entry)) console.log(`killed app instance pid ${entry.pid} on port ${entry.port} that its test left running`);
  }
}
