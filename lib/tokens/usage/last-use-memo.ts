// Decides, per request, whether a token's use must be written: when its last-used minute has passed, or
// when it is used from an address other than the last one recorded. The database row read with the token
// may lag behind this process's own writes still in flight, so the process trusts what it last wrote until
// that write has settled; from then on the database is the truth again (so a failed write is retried);
// and an address change may force at most a few writes a minute, so that a client rotating addresses
// (or a NAT pool spreading one integration over several) cannot turn every request into a write.
export const LAST_USED_INTERVAL_MS = 60_000;
/** Address-driven writes allowed per token per minute in one process, on top of the once-a-minute stamp. */
export const ADDRESS_WRITES_PER_MINUTE = 10;
// Entries are dropped once they are older than the interval and the map has grown past this size.
const MEMO_PRUNE_SIZE = 10_000;
// Addresses this process wrote for a token within the interval: going back to one of them is not a change.
const RECENT_ADDRESSES = 8;

type Written = { at: number; address: string; settled: boolean; recent: Map<string, number>; addressWrites: number[] };

export type RecordedUse = { lastUsedAt: Date | null; lastUsedAddress: string | null };

export class LastUseMemo {
  private readonly written = new Map<string, Written>();

  /** True when this use must be written; the write is then remembered as done. */
  shouldWrite(tokenId: string, recorded: RecordedUse, address: string, now: number): boolean {
    const mine = this.written.get(tokenId);
    const dbAt = recorded.lastUsedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const ownIsNewer = mine !== undefined && !mine.settled && mine.at >= dbAt;
    const lastAt = ownIsNewer ? mine.at : dbAt;
    const lastAddress = ownIsNewer ? mine.address : recorded.lastUsedAddress;
    const minuteDue = now - lastAt >= LAST_USED_INTERVAL_MS;
    // The common case, on the path of nearly every request: called again from the same place within the
    // minute. Decided without allocating anything.
    if (!minuteDue && address === lastAddress) return false;

    const fresh = (at: number) => now - at < LAST_USED_INTERVAL_MS;
    const addressWrites = mine ? mine.addressWrites.filter(fresh) : [];
    if (!minuteDue) {
      const recentAt = mine?.recent.get(address);
      if ((recentAt !== undefined && fresh(recentAt)) || addressWrites.length >= ADDRESS_WRITES_PER_MINUTE) return false;
      addressWrites.push(now);
    }
    const recent = new Map([...(mine?.recent ?? [])].filter(([, at]) => fresh(at)));
    recent.delete(address);
    recent.set(address, now);
    while (recent.size > RECENT_ADDRESSES) recent.delete(recent.keys().next().value as string);
    this.prune(now);
    this.written.set(tokenId, { at: now, address, settled: false, recent, addressWrites });
    return true;
  }

  /** The write decided at `at` has finished (or failed): the database row is the truth again. */
  settle(tokenId: string, at: number): void {
    const mine = this.written.get(tokenId);
    if (mine && mine.at === at) mine.settled = true;
  }

  private prune(now: number): void {
    if (this.written.size < MEMO_PRUNE_SIZE) return;
    for (const [tokenId, entry] of this.written) {
      if (now - entry.at >= LAST_USED_INTERVAL_MS) this.written.delete(tokenId);
    }
  }
}
