/**
 * How the checks add up to a score out of 100. Each check weighs by how well it separates strong from weak
 * answers on the labelled set's tuning part (test/coach/labelled, held-out fifth excluded): a floor of 8
 * points each, and the other 36 shared in proportion to (its own ROC AUC - 0.5). (Floors of 2 to 12 were
 * tried on the tuning part; 8 to 12 separate best, since the checks overlap; 8 keeps the AUC's order.) calibration.test.ts
 * prints each check's AUC and fails when these drift from that rule by more than 2 points. What
 * interviewers reject outright (a hypothetical, another topic's story, a list of claims, a missing part)
 * is not weighed but capped (analyse.ts).
 */
import { STAR_PARTS, type StarPart } from '../bank/types.ts';
import type { Assessment, CheckId } from './types.ts';

export const WEIGHT_FLOOR = 8;

export const WEIGHTS: Record<CheckId, number> = {
  measured: 15,
  ownership: 9,
  specific: 13,
  occasion: 10,
  balance: 18,
  on_topic: 12,
  reflection: 14,
  no_blame: 9,
};

export const LABELS: Record<CheckId, string> = {
  measured: 'Measured result',
  ownership: 'Ownership: told as "I"',
  occasion: 'One occasion',
  balance: 'Balance: the Action carries it',
  specific: 'Specific, not vague',
  reflection: 'Reflection',
  on_topic: 'On topic',
  no_blame: 'Owns the outcome',
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
export function scoreLine(
  feedback: { score: number | null },
  previous?: { score: number | null } | number | null,
): string {
  if (feedback.score === null) return 'No score: the coach reads English only for now';
  const line = `Score: ${feedback.score}/100`;
  const before = typeof previous === 'number' || previous == null ? previous : previous.score;
  if (before == null) return line;
  if (before === feedback.score) return `${line}, same as last time`;
  return `${line}, ${feedback.score > before ? 'up' : 'down'} from ${before}`;
}
