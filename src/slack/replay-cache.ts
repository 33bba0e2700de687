/**
 * Signatures seen within the window, so a captured request sent again is refused. Entries are kept in
 * insertion order (Map), which is time order, so expiry only ever looks at the front. Per replica, and free:
 * the first line. A replay sent to another replica is caught by the database's copy (shared-replays.ts).
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** True the first time a signature is offered within the window. */
  firstTime(signature: string, nowMs: number): boolean {
    for (const [key, at] of this.seen) {
      if (nowMs - at <= this.windowMs) break;
      this.seen.delete(key);
    }
    // 64 bits of the HMAC tell replays apart as well as all 256, at a quarter of the memory.
    const key = signature.slice(0, 19);
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
