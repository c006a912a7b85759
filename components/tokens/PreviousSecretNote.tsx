import { formatMoment } from "@/lib/tokens/shared/display";

/** After a regeneration with an overlap: until when the old secret keeps working (nothing once it stopped). */
export function PreviousSecretNote({ until, now }: { until: Date | null; now: Date }) {
  if (!until || until <= now) return null;
  return (
    <span className="block text-xs text-muted">
      Old secret works until <time dateTime={until.toISOString()}>{formatMoment(until)}</time>
    </span>
  );
}
