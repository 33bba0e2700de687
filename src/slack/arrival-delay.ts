/**
 * How far behind a busy bot has fallen, from how late Slack's requests reach it (their signed timestamp):
 * a CPU-bound bot keeps its event loop turning, yet requests wait in the socket backlog and only their
 * arrival time shows it. Three things keep the signal honest:
 * - it is the median of the last second's requests, and only once there are several: one odd request (a
 *   retry, a timestamp far off) says nothing, and a bot that gets a few requests a second is not overloaded
 *   by them;
 * - the skew of this host's clock against Slack's is taken out: the least lateness seen over the last few
 *   minutes is the skew (an on-time request has ~0), so a clock a second or two off does not read as load;
 * - lateness is what surely elapsed (the timestamp is whole seconds; see request-gate.ts).
 */
export class ArrivalDelay {
  /** The requests noted, oldest first (notes come in time order); those before `head` have aged out. */
  private recent: Array<{ at: number; late: number }> = [];
  private head = 0;
  /** The least lateness of each 30-second bucket, for the last 10 buckets: the clock skew. */
  private floors: Array<{ bucket: number; least: number }> = [];
  /**
   * The last answer of behindMs: asked on every request (work-queue.ts's `saturated`), and sorting the last
   * second's requests each time cost a busy bot ~5% of its CPU (a profile of the overload benchmark). It is
   * reused for REUSE_MS, or until a note arrives while the last answer had too few requests to say.
   */
  private cached: { at: number; behind: number; enough: boolean; dirty: boolean } | undefined;

  constructor(private readonly o: { windowMs?: number; minSamples?: number; skewMemoryMs?: number } = {}) {}

  private get windowMs() {
    return this.o.windowMs ?? 1_000;
  }

  private get minSamples() {
    return this.o.minSamples ?? 5;
  }

  note(lateMs: number, now: number): void {
    this.recent.push({ at: now, late: lateMs });
    if (this.recent.length - this.head > 256) this.head = this.recent.length - 256;
    // Compact now and then, not on every note.
    if (this.head > 1_024) {
      this.recent = this.recent.slice(this.head);
      this.head = 0;
    }
    if (this.cached) this.cached.dirty = true;
    const bucket = Math.floor(now / SKEW_BUCKET_MS);
    const last = this.floors.at(-1);
    if (last?.bucket === bucket) last.least = Math.min(last.least, lateMs);
    else this.floors.push({ bucket, least: lateMs });
    const oldest = bucket - Math.ceil((this.o.skewMemoryMs ?? 5 * 60_000) / SKEW_BUCKET_MS);
    while ((this.floors[0]?.bucket ?? bucket) < oldest) this.floors.shift();
  }

  /** Milliseconds behind, now: 0 when too few requests came in the last second to say. */
  behindMs(now: number): number {
    const c = this.cached;
    if (c && Math.abs(now - c.at) < REUSE_MS && !(c.dirty && !c.enough)) return c.behind;
    const since = now - this.windowMs;
    while (this.head < this.recent.length && (this.recent[this.head] as { at: number }).at < since)
      this.head++;
    const count = this.recent.length - this.head;
    let behind = 0;
    if (count >= this.minSamples) {
      // A typed array sorts numerically in native code, without a comparator call per pair.
      const sorted = new Float64Array(count);
      for (let i = 0; i < count; i++) sorted[i] = (this.recent[this.head + i] as { late: number }).late;
      sorted.sort();
      const median = sorted[Math.floor((count - 1) / 2)] as number;
      behind = Math.max(0, median - this.skewMs());
    }
    this.cached = { at: now, behind, enough: count >= this.minSamples, dirty: false };
    return behind;
  }

  /** The least lateness seen over the last few minutes: how far this host's clock runs ahead of Slack's. */
  skewMs(): number {
    let least = Number.POSITIVE_INFINITY;
    for (const f of this.floors) least = Math.min(least, f.least);
    return Number.isFinite(least) ? least : 0;
  }
}

const SKEW_BUCKET_MS = 30_000;
/** How long an answer of behindMs is reused: the signal is the median of a whole second. */
const REUSE_MS = 20;
