import { displayAddress, formatDay, formatMoment } from "@/lib/tokens/shared/display";
import type { TokenTimelineEvent } from "@/lib/tokens/server/insight";

// In the unit the owner chose it in: the regenerate dialog offers "24 hours", so a day reads as 24 hours.
function duration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    if (size === 86_400 && seconds <= size) continue;
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** What each kind of event says; `detail` is what the writer of the event stored (lib/tokens/events.ts). */
export function describeEvent({ kind, detail }: Pick<TokenTimelineEvent, "kind" | "detail">): { label: string; note?: string } {
  switch (kind) {
    case "created": {
      const expires = detail && detail !== "never" ? new Date(detail) : null;
      return { label: "Created", note: expires && !Number.isNaN(expires.getTime()) ? `expires ${formatDay(expires)}` : "no expiry" };
    }
    case "regenerated": {
      const overlap = Number(detail);
      if (!detail || !Number.isInteger(overlap) || overlap < 0) return { label: "Regenerated" };
      return { label: "Regenerated", note: overlap === 0 ? "the previous secret stopped at once" : `the previous secret kept working for ${duration(overlap)}` };
    }
    case "revoked":
      if (detail === "owner") return { label: "Revoked by you" };
      if (detail === "reported") return { label: "Revoked: reported as exposed" };
      if (detail === "deactivated") return { label: "Revoked: owner deactivated" };
      return { label: "Revoked" };
    case "new_address":
      return { label: `First used from ${detail ? displayAddress(detail) : "an unknown address"}` };
    case "owner_deactivated":
      return { label: "Owner deactivated", note: "the token is refused while its owner is inactive" };
    case "owner_reactivated":
      return { label: "Owner reactivated", note: "the token works again" };
    default:
      return { label: String(kind) };
  }
}

/** The token's activity, newest first. */
export function TokenTimeline({ events }: { events: TokenTimelineEvent[] }) {
  return (
    <section className="card" aria-labelledby="token-activity-heading">
      <h2 id="token-activity-heading">Activity</h2>
      {events.length === 0 ? (
        <p className="muted">No activity recorded yet.</p>
      ) : (
        <ol aria-label="Activity" className="timeline">
          {events.map((event) => {
            const { label, note } = describeEvent(event);
            return (
              <li key={event.id} data-kind={event.kind}>
                <strong>{label}</strong>
                {note && <span className="muted"> · {note}</span>}{" "}
                <time dateTime={event.createdAt.toISOString()} className="muted timeline-time">
                  — {formatMoment(event.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
