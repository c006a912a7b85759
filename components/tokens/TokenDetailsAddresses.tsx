import { displayAddress, formatLastUsed, formatMoment } from "@/lib/tokens/shared/display";
import type { TokenInsight } from "@/lib/tokens/server/insight";

/** Where the token was last used from, and the last five distinct addresses with when they were last seen. */
export function TokenDetailsAddresses({ token, now }: { token: TokenInsight; now: Date }) {
  return (
    <section className="card" aria-labelledby="token-addresses-heading">
      <h2 id="token-addresses-heading">Last used from</h2>
      {token.lastUsedAddress ? (
        <dl aria-label="Last use">
          <dt>Address</dt>
          <dd>
            <code>{displayAddress(token.lastUsedAddress)}</code>
          </dd>
          <dt>User agent</dt>
          <dd>{token.lastUsedUserAgent ? <code>{token.lastUsedUserAgent}</code> : <span className="muted">none sent</span>}</dd>
        </dl>
      ) : (
        <p className="muted">Not used yet.</p>
      )}
      {token.addresses.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Recent addresses">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">User agent</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {token.addresses.map((seen) => (
                <tr key={seen.address}>
                  <td>
                    <code>{displayAddress(seen.address)}</code>
                  </td>
                  <td className="token-name">{seen.userAgent ?? <span className="muted">none sent</span>}</td>
                  <td>
                    <time dateTime={seen.firstSeenAt.toISOString()}>{formatMoment(seen.firstSeenAt)}</time>
                  </td>
                  <td>
                    <time dateTime={seen.lastSeenAt.toISOString()} title={formatMoment(seen.lastSeenAt)}>
                      {formatLastUsed(seen.lastSeenAt, now)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted field-hint">Recorded at most once a minute, and when the address changes; the five most recent addresses are kept.</p>
    </section>
  );
}
