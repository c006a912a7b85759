// The caller's address for rate limits and "last used from": the connection's address, or, when
// TRUSTED_PROXY_HOPS=N says N proxies of ours stand in front, the Nth X-Forwarded-For entry from the right.
// Never the leftmost entry, which the client writes itself.
export function clientAddress({ socketAddress, forwardedFor, trustedHops }) {
  if (trustedHops > 0) {
    const entries = String(forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length >= trustedHops) return plainAddress(entries[entries.length - trustedHops]);
    // Fewer entries than proxies: the nearest proxy added the address it saw, or none was added at all.
    if (entries.length > 0) return plainAddress(entries[0]);
  }
  return socketAddress ? plainAddress(socketAddress) : "unknown";
}

// A dual-stack server sees IPv4 clients as IPv4-mapped IPv6 (::ffff:127.0.0.1): one client must have one
// address, in the rate limits and in what its owner is shown, whichever way it arrived.
const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

function plainAddress(address) {
  return address.replace(IPV4_MAPPED, "$1");
}
