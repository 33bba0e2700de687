/**
 * "Reflection": the answer ends with what the candidate learned or what changed afterwards (the guide's
 * "Reflect on lessons learned"). Interviewers ask for it when it is missing, so saying it unprompted
 * shows judgement.
 */
import type { Reading } from '../reading.ts';
import { containsPhrase } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { quoteList } from '../wording.ts';

/** A lesson, in the candidate's words, by lemma. */
const LESSON = [
  'learn',
  'lesson',
  'realize',
  'realise',
  'takeaway',
  'reflect',
  'insight',
  'in hindsight',
  'look back',
];
/** A lasting change, by lemma or as written. */
const CHANGE = [
  'since then',
  'ever since',
  'have since',
  'from then on',
  'next time',
  'going forward',
  'go forward',
  'afterwards',
  'afterward',
  'now',
  'still',
  'today',
  'differently',
  'would have',
  'standard practice',
  'become standard',
  'become the default',
  'default',
  'policy',
  'runbook',
  'playbook',
  'checklist',
  'template',
  'future',
  'prevent',
  'recurrence',
];

export interface ReflectionFound {
  lessons: string[];
  changes: string[];
}

export function findReflection(reading: Reading): ReflectionFound {
  const has = (phrase: string) => containsPhrase(reading, phrase);
  const changes = CHANGE.filter(has);
  // "... and we have not had a repeat since.": "since" closing a clause means "from then until now".
  if (reading.normals.includes(' since | ') || reading.normals.trimEnd().endsWith(' since'))
    changes.push('since');
  return { lessons: LESSON.filter(has), changes };
}

export function assessReflection(result: Reading): Assessment {
  const { lessons, changes } = findReflection(result);
  const fraction = lessons.length > 0 ? 1 : changes.length > 0 ? 0.85 : 0;
  const passed = fraction >= 0.6;
  let why: string;
  if (result.words === 0) why = 'Your Result is empty.';
  else if (lessons.length > 0) why = `Says what you learned (${quoteList(lessons, 2)}).`;
  else if (changes.length > 0) why = `Says what changed afterwards (${quoteList(changes, 2)}).`;
  else why = 'Your Result stops at the outcome: nothing on what you learned or what changed afterwards.';
  return {
    fraction,
    passed,
    why,
    suggestion:
      lessons.length > 0
        ? 'Tie the lesson to a later decision: "Since then, I ...".'
        : 'End with one sentence on what you learned or would do differently: "Since then, I add load tests before ...".',
    parts: { result: fraction },
  };
}
