import type { StarPart } from '../bank/types.ts';

export const CHECK_IDS = [
  'measured',
  'ownership',
  'occasion',
  'balance',
  'specific',
  'reflection',
  'on_topic',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What one check found, before it is weighed: the analysis turns this into a `CheckResult`. */
export interface Assessment {
  /** 0..1: how far the answer meets the check (partial credit makes the score rank answers finely). */
  fraction: number;
  passed: boolean;
  why: string;
  suggestion: string;
  /** The check's view of each part it looked at, 0..1, for the per-part breakdown. */
  parts: Partial<Record<StarPart, number>>;
}

export interface CheckResult {
  /** 'role': "Connects to the role", added only when a role is set (checks/role.ts). */
  id: CheckId | 'role';
  /** "Result is measured". */
  label: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** Why it passed or failed, quoting the candidate's words where that helps. */
  why: string;
  /** One concrete thing to do next time. */
  suggestion: string;
  /** The guide's Preparation Strategy the check comes from; absent when the guide has none that fits. */
  strategy?: { number: number; title: string };
}

export interface WordCounts {
  situation: number;
  task: number;
  action: number;
  result: number;
  total: number;
}

export interface AnswerFeedback {
  /** 0-100, the sum of the checks' points, capped when parts are missing. */
  score: number;
  /** Each part's own standing, 0-100, from the checks that look at it. */
  parts: Record<StarPart, number>;
  checks: CheckResult[];
  words: WordCounts;
  /** At about 150 words a minute; a spoken STAR answer should take about two minutes. */
  speakingSeconds: number;
  /** Parts with fewer than three words: a STAR answer missing a part cannot score well. */
  missingParts: StarPart[];
}

export interface FollowUpFeedback {
  score: number;
  /** Only the checks that make sense for a short answer to a follow-up: specific, ownership, measured. */
  checks: CheckResult[];
  words: number;
  speakingSeconds: number;
}
