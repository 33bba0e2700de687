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
  private recent: Array<{ at: number; late: number }> = [];
  /** The least lateness of each 30-second bucket, for the last 10 buckets: the clock skew. */
  private floors: Array<{ bucket: number; least: number }> = [];

  constructor(private readonly o: { windowMs?: number; minSamples?: number; skewMemoryMs?: number } = {}) {}

  private get windowMs() {
    return this.o.windowMs ?? 1_000;
  }

  note(lateMs: number, now: number): void {
    this.recent.push({ at: now, late: lateMs });
    if (this.recent.length > 256) this.recent.splice(0, this.recent.length - 256);
    const bucket = Math.floor(now / SKEW_BUCKET_MS);
    const last = this.floors.at(-1);
    if (last?.bucket === bucket) last.least = Math.min(last.least, lateMs);
    else this.floors.push({ bucket, least: lateMs });
    const oldest = bucket - Math.ceil((this.o.skewMemoryMs ?? 5 * 60_000) / SKEW_BUCKET_MS);
    while ((this.floors[0]?.bucket ?? bucket) < oldest) this.floors.shift();
  }

  /** Milliseconds behind, now: 0 when too few requests came in the last second to say. */
  behindMs(now: number): number {
    const since = now - this.windowMs;
    this.recent = this.recent.filter((r) => r.at >= since);
    if (this.recent.length < (this.o.minSamples ?? 5)) return 0;
    const sorted = this.recent.map((r) => r.late).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
    return Math.max(0, median - this.skewMs());
  }

  /** The least lateness seen over the last few minutes: how far this host's clock runs ahead of Slack's. */
  skewMs(): number {
    return this.floors.length === 0 ? 0 : Math.min(...this.floors.map((f) => f.least));
  }
}

const SKEW_BUCKET_MS = 30_000;
