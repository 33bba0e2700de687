/**
 * Time is injected so the scheduler and its tests can run at any instant without waiting.
 *
 * Which clock is which:
 * - This clock (the bot's) stamps every time the bot stores to show or to reckon with: a drill's
 *   created_at and posted_at, an answer's created_at, a rating's instant (review_cards.updated_at), when a
 *   feedback reply, a follow-up reply or a reminder went out, and every "now" a schedule, streak, recap,
 *   history, Home or export is computed at. So a drill posted at the clock's Sun 6 Dec says Sun 6 Dec
 *   everywhere, in tests and in the sandbox (whose clock runs ahead after a jump) as in production.
 * - The database's `now()` is kept for what replicas must agree on whatever their own clocks say: leases
 *   (claimed_until, remind_claimed_until, recap_claimed_until, delivery_pauses.paused_until), the daily
 *   job's day and the pruning of old event ids; and for version tokens that must differ on every write
 *   (answers.updated_at, follow_up_answers.updated_at: an analysis is stored only for the text it read, and
 *   a clock that stands still would give two edits the same token). Rows' own updated_at bookkeeping
 *   (users, subscriptions, installations) is read by nothing the person sees.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
