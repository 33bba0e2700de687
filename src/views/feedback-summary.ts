/**
 * The glance the coach gives after an answer or a follow-up: what to improve first (the two things that
 * cost most, each with one suggestion) and what worked, in one line. A cap (a hypothetical, an off-topic
 * story, a list of claims, a missing part) is what an interviewer would reject outright, so it comes first,
 * and the check it repeats is not listed again. The full breakdown is a click away (feedback-breakdown.ts).
 */
import type { Cap, CapId, CheckId, CheckResult } from '../coach/types.ts';
import { escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

/** What a cap is called where the feedback names it. */
export const CAP_TITLES: Record<CapId, string> = {
  hypothetical: 'Tell one real occasion',
  off_topic: 'Answer this question',
  claims: 'Tell what happened, not a list of claims',
  missing_parts: 'Fill in every part',
};

/** The check a cap already says, which would only repeat it. */
const REPEATS: Partial<Record<CapId, CheckId>> = {
  hypothetical: 'occasion',
  off_topic: 'on_topic',
  missing_parts: 'balance',
};

/** Each improvement's why and suggestion are clipped so two fit the glance's 1,200 characters. */
const WHY_CHARS = 200;
const SUGGESTION_CHARS = 170;

export interface Improvement {
  title: string;
  /** "8/20" for a check; absent for a cap. */
  points?: string;
  why: string;
  suggestion: string;
  strategy?: { number: number; title: string };
}

/** The (at most) `n` most important things to improve: caps first, then the checks that lost most points. */
export function improveFirst(
  checks: readonly CheckResult[],
  caps: readonly Cap[] = [],
  n = 2,
): Improvement[] {
  const repeated = new Set<CheckResult['id'] | undefined>(caps.map((c) => REPEATS[c.id]));
  const fromCaps: Improvement[] = caps.map((c) => ({
    title: `${CAP_TITLES[c.id]} (score capped at ${c.max})`,
    why: c.why,
    suggestion: c.suggestion,
  }));
  const fromChecks: Improvement[] = checks
    .filter((c) => !c.passed && !repeated.has(c.id))
    .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points))
    .map((c) => ({
      title: c.label,
      points: `${c.points}/${c.maxPoints}`,
      why: c.why,
      suggestion: c.suggestion,
      ...(c.strategy ? { strategy: c.strategy } : {}),
    }));
  return [...fromCaps, ...fromChecks].slice(0, n);
}

/** " _(strategy 3: Quantify your impact)_": the guide's Preparation Strategy a check comes from. */
export function strategyNote(c: { strategy?: { number: number; title: string } }): string {
  return c.strategy ? ` _(strategy ${c.strategy.number}: ${escapeMrkdwn(c.strategy.title)})_` : '';
}

/** "*Improve first*" and its numbered items, each a why and an arrowed suggestion. */
export function improveText(items: readonly Improvement[]): string {
  const lines = items.map(
    (item, i) =>
      `${i + 1}. *${escapeMrkdwn(item.title)}*${item.points ? ` (${item.points})` : ''}: ${escapeClipped(item.why, WHY_CHARS)}\n` +
      `      → ${escapeClipped(item.suggestion, SUGGESTION_CHARS)}${strategyNote(item)}`,
  );
  return `*Improve first*\n${lines.join('\n')}`;
}

/** "*What worked:* Measured result · Owns the outcome", the passed checks by name only; undefined when none. */
export function workedLine(checks: readonly CheckResult[]): string | undefined {
  const passed = checks.filter((c) => c.passed).map((c) => escapeMrkdwn(c.label));
  return passed.length === 0 ? undefined : `*What worked:* ${passed.join(' · ')}`;
}

/** The plain sentence for an answer that is not in English: nothing else the coach says would be true. */
export const ENGLISH_ONLY =
  ':globe_with_meridians: *The coach reads English only for now*, so this answer has no score and no checks. Your answer is saved as you wrote it.';
