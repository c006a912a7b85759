import type { UsageDay } from "@/lib/tokens/server/insight";

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
    <section className="card" aria-labelledby="token-usage-heading">
      <h2 id="token-usage-heading">Usage</h2>
      <p>
        <strong>{total.toLocaleString("en-US")}</strong> request{total === 1 ? "" : "s"} in the last {days.length} days (UTC)
        {total > 0 && <span className="muted"> · busiest day {peak.toLocaleString("en-US")}</span>}
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="currentColor" strokeOpacity={0.25} />
        {days.map((day, index) => {
          const height = day.count === 0 ? 0 : Math.max(2, (day.count / peak) * (HEIGHT - 4));
          return (
            <rect key={day.day} x={index * barWidth + GAP / 2} y={HEIGHT - height} width={barWidth - GAP} height={height} className="usage-bar">
              <title>{`${day.day}: ${day.count} request${day.count === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="muted usage-axis">
        <span>{first}</span>
        <span>{last}</span>
      </p>
      <table aria-label="Requests per day" className="visually-hidden">
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
    </section>
  );
}
