// Before the run: names it (the workers inherit the name through the environment), and kills the app
// instances of earlier runs that ended without their teardown (a runner killed outright leaves them).
import crypto from "node:crypto";
import { entries, isAlive, killEntry, RUN_ID_VARIABLE } from "./instance-registry";

export default function globalSetup(): void {
  process.env[RUN_ID_VARIABLE] = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  // A run nested in this one, or another run from this checkout, is still alive: its instances stay.
  for (const entry of entries().filter((entry) => !isAlive(entry.runnerPid))) {
    if (killEntry(entry)) console.log(`killed app instance pid ${entry.pid} on port ${entry.port} left by an earlier test run`);
  }
}
