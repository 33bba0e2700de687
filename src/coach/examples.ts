/**
 * Examples for the suggestions, drawn from the guide's own sample answer for the drill's topic: a mentoring
 * answer is told to name things the way the leadership sample does, not the way an incident report does.
 * Worked out once per sample.
 */
import type { StarPart } from '../bank/types.ts';
import { roleOf } from './checks/measured.ts';
import { findMeasures } from './checks/measures.ts';
import { findReflection } from './checks/reflection.ts';
import { readSpecificity } from './checks/specific.ts';
import { quoteAround, read } from './reading.ts';

export interface TopicExamples {
  /** Named things: "database connection pool", "circuit breakers". */
  details: string[];
  /** A measured result: "reduced our database load by 30%". */
  measure?: string;
  /** The candidate's own steps: "I isolated", "I implemented". */
  steps: string[];
  /** A lasting change or lesson, quoted. */
  reflection?: string;
}

const NONE: TopicExamples = { details: [], steps: [] };
const cache = new Map<string, TopicExamples>();

export function topicExamples(sample: Partial<Record<StarPart, string>> | undefined): TopicExamples {
  if (sample?.action === undefined || sample.result === undefined) return NONE;
  const key = `${sample.action}\n${sample.result}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const action = read(sample.action);
  const result = read(sample.result);
  const details = readSpecificity(action)
    .concrete.filter((d) => d.includes(' '))
    .slice(0, 3);
  const measured = findMeasures(result).find((m) => roleOf(result, m) === 'result');
  const steps: string[] = [];
  action.tokens.forEach((t, i) => {
    if (t.normal !== 'i') return;
    const verb = action.tokens.slice(i + 1, i + 3).find((n) => n.pos === 'VERB');
    if (verb && steps.length < 3 && !steps.includes(`I ${verb.value}`)) steps.push(`I ${verb.value}`);
  });
  const reflection = findReflection(result);
  const found: TopicExamples = {
    details,
    steps,
    ...(measured ? { measure: quoteAround(result, measured.start, 8) } : {}),
    ...((reflection.changes[0] ?? reflection.lessons[0])
      ? { reflection: reflection.changes[0] ?? reflection.lessons[0] }
      : {}),
  };
  if (cache.size > 100) cache.clear();
  cache.set(key, found);
  return found;
}
