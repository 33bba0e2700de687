/**
 * Which of the guide's Preparation Strategies each check comes from. The strategies are the guide's own
 * text (the bank parses them), so the check finds its strategy by cue words rather than by number: an
 * edited or reordered guide still gets the right one, and a guide without a fitting strategy gets none.
 *
 * For the shipped guide: measured -> 3 "Quantify your impact"; ownership and occasion -> 1 "Review your
 * experiences" (strong examples of *your* skills); balance -> 2 "Practice structured responses" (STAR);
 * specific -> 4 "Prepare for follow-ups" (details are what follow-ups probe); reflection -> 5 "Reflect on
 * lessons learned"; on_topic -> 6 "Connect to the role".
 */
import type { Strategy } from '../bank/types.ts';
import type { CheckId } from './types.ts';

/** Cue patterns; a cue in the title counts twice, since the title is what the strategy is about. */
const CUES: Record<CheckId, RegExp[]> = {
  measured: [/\bquantif/i, /\bmetrics?\b/i, /\bmeasur/i],
  ownership: [/\byour skills\b/i, /\byour experiences?\b/i, /\byour own\b/i],
  occasion: [/\bexamples?\b/i, /\bidentify\b/i, /\bexperiences?\b/i],
  balance: [/\bSTAR\b/, /\bstructured?\b/i, /\borgani[sz]e your thoughts\b/i],
  specific: [/\bfollow-?ups?\b/i, /\bdeeper\b/i, /\bdetails?\b/i],
  reflection: [/\breflect/i, /\blessons?\b/i, /\blearned\b/i, /\bdifferently\b/i],
  on_topic: [/\brole\b/i, /\bposition\b/i, /\bconnect\b/i, /\brelate\b/i],
  no_blame: [/\byour skills\b/i, /\byour experiences?\b/i, /\byour own\b/i],
};

export function strategyFor(check: CheckId, strategies: readonly Strategy[]): Strategy | undefined {
  let best: Strategy | undefined;
  let bestScore = 0;
  for (const strategy of strategies) {
    let score = 0;
    for (const cue of CUES[check]) {
      if (cue.test(strategy.title)) score += 2;
      if (cue.test(strategy.text)) score += 1;
    }
    if (score > bestScore) {
      best = strategy;
      bestScore = score;
    }
  }
  return best;
}
