// How the extra coaching fares, counted per replica. A small interface so the bot's metrics (prom-client,
// when present) can be wired in at one place; until then the counts are kept in memory and read by tests.

/** What became of one answer sent to the model. */
export type ModelOutcome =
  | 'posted'
  | 'ungrounded'
  | 'skipped'
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'refused'
  | 'network'
  | 'invalid_json'
  | 'invalid_shape'
  | 'stopped'
  | 'post_failed';

export interface ModelCoachMetrics {
  /** One answer's outcome. */
  outcome(outcome: ModelOutcome): void;
  /** Items of the model's output dropped by grounding, by reason (number, quote, name, empty). */
  dropped(reason: string, count: number): void;
}

export class InMemoryModelCoachMetrics implements ModelCoachMetrics {
  readonly outcomes = new Map<ModelOutcome, number>();
  readonly droppedItems = new Map<string, number>();

  outcome(outcome: ModelOutcome): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  dropped(reason: string, count: number): void {
    this.droppedItems.set(reason, (this.droppedItems.get(reason) ?? 0) + count);
  }

  count(outcome: ModelOutcome): number {
    return this.outcomes.get(outcome) ?? 0;
  }
}
