import type { UsageDay } from "@/lib/tokens/server/insight";
import { Card } from "@/components/ui/card";
import { formatDay } from "@/lib/tokens/shared/display";

/** "2026-12-02" (a UTC day) as the rest of the page writes dates: "2 Dec 2026". */
function dayLabel(day: string): string {
  return formatDay(new Date(`${day}T00:00:00Z`));
}

const WIDTH = 600;
const HEIGHT = 120;
const GAP = 2;

/**
 * Requests per UTC day as bars, in plain SVG: a chart library would be most of the page's weight. The same
 * figures are in a table for screen readers (and anyone who wants the numbers).
 */
export function UsageChart({ days }: { days: UsageDay[] }) {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const peak = Math.max(1, ...days.map((day) => day.count));
  const barWidth = WIDTH / Math.max(1, days.length);
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;
  return (
    <Card title="Usage" titleId="token-usage-heading">
      <p>
        <strong>{total.toLocaleString("en-US")}</strong> request{total === 1 ? "" : "s"} in the last {days.length} days (UTC)
        {total > 0 && <span className="muted"> · busiest day {peak.toLocaleString("en-US")}</span>}
      </p>
      {total === 0 ? (
        <p className="rounded-md border border-dashed border-border px-4 py-8 text-center text-muted">No requests in the last {days.length} days.</p>
      ) : (
        <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="currentColor" strokeOpacity={0.25} />
        {days.map((day, index) => {
          const height = day.count === 0 ? 0 : Math.max(2, (day.count / peak) * (HEIGHT - 4));
          return (
            <rect key={day.day} x={index * barWidth + GAP / 2} y={HEIGHT - height} width={barWidth - GAP} height={height} className="usage-bar">
              <title>{`${dayLabel(day.day)}: ${day.count} request${day.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="muted usage-axis">
        <span>{first && dayLabel(first)}</span>
        <span>{last && dayLabel(last)}</span>
      </p>
        </>
      )}
      {/* Hidden from view in a wrapper: a table box ignores the overflow that clips a hidden element. */}
      <div className="sr-only">
      <table aria-label="Requests per day">
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <td>{day.day}</td>
              <td>{day.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}
