/**
 * "Connects to the role": shown and scored only when the person has set the role they are preparing for
 * (`/star role`). It names which of the description's distinctive requirements the answer shows, quoting
 * both ("The role asks for 'on-call for payment systems'; your answer shows 'on call for the checkout
 * service'"), and suggests one it does not. Self-contained: analyse.ts adds it to the other checks'
 * result with `withRoleCheck`, so without a role the analysis and its score are exactly as before.
 */

import { extractRequirements, matchRequirements, type Requirement } from '../../drills/role-requirements.ts';
import { STAR_PARTS, type StarAnswer } from '../../drills/star-answer.ts';
import { englishNlp } from '../nlp.ts';
import type { AnswerFeedback, CheckResult } from '../types.ts';

export const ROLE_CHECK_ID = 'role';
export const ROLE_CHECK_LABEL = 'Connects to the role';
/** Worth about as much as "On topic" (12): the role is a second topic. The total is then scaled back to 100. */
export const ROLE_POINTS = 10;
/** Two requirements shown is full marks: an answer is one story, not a checklist. */
const FULL_AT = 2;

export interface RoleContext {
  title: string;
  description: string;
}

const quoted = (s: string) => `‘${s}’`;

/** The requirements of a role, read once per description (the same role is read for every answer). */
const cache = new Map<string, Requirement[]>();
export function requirementsOf(role: RoleContext): Requirement[] {
  const key = `${role.title}\n${role.description}`;
  let found = cache.get(key);
  if (!found) {
    found = extractRequirements(role.description, englishNlp(), role.title);
    if (cache.size > 100) cache.clear();
    cache.set(key, found);
  }
  return found;
}

export function assessRole(answer: StarAnswer, role: RoleContext): CheckResult {
  const requirements = requirementsOf(role);
  const text = STAR_PARTS.map((p) => answer[p]).join('\n');
  const matches = matchRequirements(text, requirements, englishNlp());
  const shown = new Set(matches.map((m) => m.requirement.phrase));
  const missing = requirements.filter((r) => !shown.has(r.phrase));
  const points = Math.round(Math.min(1, matches.length / FULL_AT) * ROLE_POINTS);
  const base = { id: ROLE_CHECK_ID, label: ROLE_CHECK_LABEL, maxPoints: ROLE_POINTS, points } as const;
  const next = missing[0];
  const suggestion = next
    ? `Tie a step of your Action to what the ${role.title} role asks: where did you ${quoted(next.phrase)}? Say it in the interviewer's words.`
    : `Keep the role's words in your answer: they show the interviewer this experience fits the ${role.title} role.`;
  if (requirements.length === 0) {
    return {
      ...base,
      passed: false,
      points: 0,
      why: 'No distinctive requirement could be read from the role’s description, so the answer could not be compared with it.',
      suggestion: 'Paste the description’s responsibilities and requirements with `/star role`.',
    };
  }
  if (matches.length === 0) {
    const asks = requirements.slice(0, 3).map((r) => quoted(r.phrase));
    return {
      ...base,
      passed: false,
      why: `None of the role’s distinctive requirements shows in your answer. The role asks for ${joinAnd(asks)}.`,
      suggestion,
    };
  }
  // The feedback shows a passed check's reason only (about 300 characters): one pair of quotes, how many
  // more requirements it shows, and one it does not, as the suggestion.
  const [first] = matches as [(typeof matches)[number]];
  const more = matches.length > 1 ? ` It shows ${matches.length - 1} more of the role’s requirements.` : '';
  const also = next ? ` It also asks for ${quoted(next.phrase)}: say where you did that.` : '';
  const why = `The role asks for ${quoted(first.requirement.phrase)}; your answer shows ${quoted(first.quote)}.${more}${also}`;
  return { ...base, passed: true, why, suggestion };
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The analysis with the role check added: the score becomes the points of all checks out of their new
 * maximum, scaled to 100, and held under the same caps as before (missing parts, hypothetical, off topic,
 * claims). An answer not in English has no checks and no score, so it gets no role check either.
 */
export function withRoleCheck(feedback: AnswerFeedback, role: CheckResult): AnswerFeedback {
  if (feedback.score === null) return feedback;
  const checks = [...feedback.checks, role];
  const max = checks.reduce((n, c) => n + c.maxPoints, 0);
  const got = checks.reduce((n, c) => n + c.points, 0);
  const scaled = Math.round((100 * got) / max);
  return { ...feedback, checks, score: Math.min(scaled, ...(feedback.caps ?? []).map((c) => c.max)) };
}
