/**
 * "Balance": the Action carries the answer. Interviewers lose interest in long scene-setting, so the
 * Situation and Task together should be about a third of the words at most, the Action the longest part,
 * and the whole about two minutes out loud.
 */
import { STAR_PARTS, type StarPart } from '../../bank/types.ts';
import { STAR_LABELS as LABELS } from '../../drills/star-answer.ts';
import type { Assessment, WordCounts } from '../types.ts';
import { formatSeconds, ramp } from '../wording.ts';

export const WORDS_PER_MINUTE = 150;
export const TARGET_SECONDS = 120;
export const TOO_SHORT_SECONDS = 45;
export const TOO_LONG_SECONDS = 180;
/** A part with fewer words than this is missing: "Fixed it." is not an Action. */
export const MIN_PART_WORDS = 3;

export function speakingSeconds(words: number): number {
  return Math.round((words / WORDS_PER_MINUTE) * 60);
}

export function missingParts(words: WordCounts): StarPart[] {
  return STAR_PARTS.filter((p) => words[p] < MIN_PART_WORDS);
}

export function assessBalance(words: WordCounts): Assessment {
  const missing = missingParts(words);
  const seconds = speakingSeconds(words.total);
  const spoken = `About ${formatSeconds(seconds)} out loud, against a ${TARGET_SECONDS / 60}-minute answer.`;
  if (missing.length > 0) {
    const names = missing.map((p) => LABELS[p]);
    const parts = Object.fromEntries(STAR_PARTS.map((p) => [p, missing.includes(p) ? 0 : 0.5]));
    return {
      fraction: 0,
      passed: false,
      why: `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} empty or a word or two. ${spoken}`,
      suggestion: `Give each of the four parts at least a sentence; start with the ${names[0]}.`,
      parts,
    };
  }
  const setupShare = (words.situation + words.task) / words.total;
  const longestOther = Math.max(words.situation, words.task, words.result);
  const actionRatio = words.action / longestOther;
  const setup = ramp(setupShare, 0.55, 0.34);
  const action = ramp(actionRatio, 0.3, 0.85);
  const length =
    seconds < TOO_SHORT_SECONDS ? ramp(seconds, 10, TOO_SHORT_SECONDS) : ramp(seconds, 360, TOO_LONG_SECONDS);
  const fraction = 0.4 * setup + 0.35 * action + 0.25 * length;
  const problems: string[] = [];
  if (setup < 1)
    problems.push(`Situation + Task take ${Math.round(setupShare * 100)}% of your words (aim for a third)`);
  if (action < 1) {
    const longest = STAR_PARTS.find((p) => p !== 'action' && words[p] === longestOther) as StarPart;
    problems.push(
      `the Action (${words.action} words) is shorter than the ${LABELS[longest]} (${longestOther})`,
    );
  }
  if (seconds < TOO_SHORT_SECONDS) problems.push('the answer is short enough to sound thin');
  if (seconds > TOO_LONG_SECONDS) problems.push('the answer runs long enough to lose the listener');
  // A check that passes says nothing against the answer: any problem fails it, whatever the fraction.
  const passed = fraction >= 0.7 && problems.length === 0;
  const why =
    problems.length === 0
      ? `Action is the longest part (${Math.round((words.action / words.total) * 100)}% of the words). ${spoken}`
      : `${capitalise(problems.join('; '))}. ${spoken}`;

  let suggestion = 'Keep this shape: brief setup, a detailed Action, a crisp Result.';
  if (setup < 1) {
    // Scaled to what was written: name the longer setup part and a length that would fit.
    const part = words.situation >= words.task ? 'situation' : 'task';
    const target = Math.max(15, Math.round((words.total * 0.34) / 2 / 5) * 5);
    suggestion = `Cut the ${LABELS[part]} from ${words[part]} words to about ${target}, and give the Action the steps you took.`;
  } else if (action < 1)
    suggestion = 'Give the Action more: the steps you took, in order, and why you chose them.';
  else if (seconds < TOO_SHORT_SECONDS)
    suggestion = 'Add one or two concrete steps to the Action: what you checked, built or decided.';
  else if (seconds > TOO_LONG_SECONDS)
    suggestion = 'Trim to about 300 words: keep the steps that changed the outcome.';
  return { fraction, passed, why, suggestion, parts: { situation: setup, task: setup, action } };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
