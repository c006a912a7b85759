// The caller's address for rate limits and "last used from" (PRODUCT.md, "Client address"): the
// connection's address, or, when TRUSTED_PROXY_HOPS=N says N proxies of ours stand in front, the Nth
// X-Forwarded-For entry from the right. Never the leftmost entry, which the client writes itself.
export function clientAddress({ socketAddress, forwardedFor, trustedHops }) {
  if (trustedHops > 0) {
    const entries = String(forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length >= trustedHops) return entries[entries.length - trustedHops];
    // Fewer entries than proxies: the nearest proxy added the address it saw, or none was added at all.
    if (entries.length > 0) return entries[0];
  }
  return socketAddress || "unknown";
}
