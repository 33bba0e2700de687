/**
 * How the checks add up to a score out of 100. Interviewers weigh a measured result and clear ownership
 * above everything else (they are what distinguish a strong STAR answer), then concreteness; shape,
 * occasion, relevance and reflection follow.
 */
import { STAR_PARTS, type StarPart } from '../bank/types.ts';
import type { Assessment, CheckId } from './types.ts';

export const WEIGHTS: Record<CheckId, number> = {
  measured: 22,
  ownership: 22,
  specific: 14,
  occasion: 12,
  balance: 10,
  on_topic: 10,
  reflection: 10,
};

export const LABELS: Record<CheckId, string> = {
  measured: 'Result is measured',
  ownership: 'Ownership: told as "I"',
  occasion: 'One real occasion',
  balance: 'Balance: the Action carries it',
  specific: 'Specific, not vague',
  reflection: 'Reflection',
  on_topic: 'On topic',
};

/** The most a score can be with parts missing: an answer without a Result is not a STAR answer. */
export const CAP_BY_MISSING_PARTS = [100, 60, 40, 20, 0] as const;

export function pointsOf(id: CheckId, fraction: number, maxPoints = WEIGHTS[id]): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * maxPoints);
}

/** Each part's score: the checks' views of that part, weighted as the checks are. */
export function partScores(assessments: Partial<Record<CheckId, Assessment>>): Record<StarPart, number> {
  const out = {} as Record<StarPart, number>;
  for (const part of STAR_PARTS) {
    let sum = 0;
    let weight = 0;
    for (const [id, a] of Object.entries(assessments) as [CheckId, Assessment][]) {
      const f = a.parts[part];
      if (f === undefined) continue;
      sum += WEIGHTS[id] * f;
      weight += WEIGHTS[id];
    }
    out[part] = weight === 0 ? 0 : Math.round((100 * sum) / weight);
  }
  return out;
}

/**
 * "Score: 78/100", with the change since the previous answer to the same question when there is one:
 * "Score: 78/100, up from 62", "Score: 60/100, down from 71", "Score: 70/100, same as last time".
 */
export function scoreLine(feedback: { score: number }, previous?: { score: number } | number): string {
  const line = `Score: ${feedback.score}/100`;
  if (previous === undefined) return line;
  const before = typeof previous === 'number' ? previous : previous.score;
  if (before === feedback.score) return `${line}, same as last time`;
  return `${line}, ${feedback.score > before ? 'up' : 'down'} from ${before}`;
}
