import { formatMoment } from "@/lib/tokens/shared/display";
import type { OutboxEntry } from "@/lib/notices/outbox-queries";

function statusText(entry: OutboxEntry): string {
  if (entry.status === "sent") return entry.sentAt ? `Sent ${formatMoment(entry.sentAt)}` : "Sent";
  if (entry.status === "failed") return `Failed after ${entry.attempts} attempts${entry.lastError ? ` (${entry.lastError})` : ""}`;
  if (entry.attempts > 0) return `Waiting, retry at ${formatMoment(entry.nextAttemptAt)}${entry.lastError ? ` (${entry.lastError})` : ""}`;
  return "Waiting";
}

/** The newest notices of the outbox, each with its full text. */
export function OutboxTable({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0) {
    return (
      <div className="card empty" role="status">
        No mail yet.
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table aria-label="Outgoing mail">
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()}>{formatMoment(entry.createdAt)}</time>
              </td>
              <td>{entry.recipient}</td>
              <td>
                <details>
                  <summary>{entry.subject}</summary>
                  <pre className="mail-body">{entry.body}</pre>
                </details>
              </td>
              <td>{statusText(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
