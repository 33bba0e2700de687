/**
 * "Reflection": the answer ends with what the candidate learned or a lasting change they made (the guide's
 * "Reflect on lessons learned"). Credited: a first-person lesson with content ("I learned to alert on
 * trends") or a change that stuck ("since then I...", "I now...", "I added an alert that has caught...").
 * Not credited: a promise ("going forward"), "still" ("we're still trying it out"), or a lesson with
 * nothing in it ("I learned a lot").
 */
import type { Reading, Token } from '../reading.ts';
import { quoteAround } from '../reading.ts';
import type { Assessment } from '../types.ts';

const LESSON_WORDS = new Set([
  'learn',
  'learned',
  'learnt',
  'realize',
  'realise',
  'lesson',
  'takeaway',
  'hindsight',
]);
/** Markers of a change that lasts, as lemma sequences. */
const LASTING = ['since then', 'ever since', 'have since', 'from then on', 'since that', 'to this day'];
/** Things a candidate adds so that the change outlives the story. */
const ARTIFACTS = new Set([
  'alert',
  'check',
  'test',
  'runbook',
  'playbook',
  'checklist',
  'template',
  'policy',
  'canary',
  'dashboard',
  'monitoring',
  'guide',
  'process',
  'review',
  'linter',
  'rule',
  'gate',
  'practice',
  'standard',
  'default',
  'ritual',
  'stage',
  'step',
  'training',
  'doc',
  'documentation',
]);
const MAKING = new Set([
  'add',
  'introduce',
  'create',
  'write',
  'set',
  'build',
  'implement',
  'start',
  'make',
  'become',
]);
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me']);
/** Words that carry no lesson: "I learned a lot from it". */
const EMPTY = new Set([
  'lot',
  'thing',
  'much',
  'experience',
  'it',
  'this',
  'that',
  'stuff',
  'forward',
  'future',
  'way',
  'go',
  'apply',
  'do',
  'use',
  'be',
  'have',
  'learn',
  'get',
]);
/** Promises that say nothing was done: never credited, named when nothing else is there. */
const PROMISES = [' going forward ', ' moving forward ', ' go forward ', ' in the future '];

/**
 * Content words in the clause that starts at `from` (up to a comma or "and"), 0 unless one of them names
 * a thing: "I learned a lot" and "since then I apply this going forward" say nothing that was learned.
 */
function contentAfter(tokens: Token[], from: number): number {
  let n = 0;
  let named = false;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i === from && t.kind === 'punctuation') {
      from++;
      continue;
    }
    if (t.value === ',' || t.value === ';' || t.pos === 'CCONJ') break;
    if (!['NOUN', 'PROPN', 'VERB', 'ADJ'].includes(t.pos) || EMPTY.has(t.lemma) || EMPTY.has(t.normal))
      continue;
    n++;
    named ||= t.pos !== 'VERB';
  }
  return named ? n : 0;
}

export interface ReflectionFound {
  /** Quotes of the sentences with a lesson. */
  lessons: string[];
  /** Quotes of the sentences with a lasting change. */
  changes: string[];
  /** "going forward" and its kin, found where nothing else was. */
  promises: string[];
}

export function findReflection(reading: Reading): ReflectionFound {
  const found: ReflectionFound = { lessons: [], changes: [], promises: [] };
  for (const { start, end } of reading.sentences) {
    const tokens = reading.tokens.slice(start, end + 1);
    const lemmas = ` ${tokens.map((t) => t.lemma).join(' ')} `;
    const normals = ` ${tokens.map((t) => t.normal).join(' ')} `;
    const firstPerson = tokens.some((t) => FIRST_PERSON.has(t.normal));
    const quote = quoteAround(reading, start, 24);
    const lessonAt = tokens.findIndex((t) => LESSON_WORDS.has(t.lemma) || LESSON_WORDS.has(t.normal));
    // "Looking back, I would have involved QA earlier": hindsight in the first person is a lesson too.
    const hindsight = firstPerson && /( look back | in hindsight | would have )/.test(`${lemmas}${normals}`);
    if ((lessonAt !== -1 && firstPerson && contentAfter(tokens, lessonAt + 1) >= 2) || hindsight)
      found.lessons.push(quote);
    const markerAt = LASTING.map((p) => lemmas.indexOf(` ${p} `)).find((i) => i !== -1);
    const afterMarker =
      markerAt === undefined ? -1 : lemmas.slice(0, markerAt).trim().split(' ').filter(Boolean).length + 2;
    const hasArtifact = tokens.some((t) => ARTIFACTS.has(t.lemma) && t.pos === 'NOUN');
    const nowAt = tokens.findIndex((t) => t.normal === 'now');
    // "since then I apply this going forward": a marker followed by nothing that changed is not a change.
    const lasting =
      (afterMarker !== -1 && contentAfter(tokens, afterMarker) >= 2) ||
      (nowAt !== -1 && (firstPerson || hasArtifact) && contentAfter(tokens, nowAt + 1) >= 1) ||
      // "...and we have not had a repeat since.": "since" closing a clause means "from then until now".
      (firstPerson && / since [.!;,]/.test(normals));
    const stillUse = / still (use|run|rely|follow)/.test(lemmas);
    const made =
      (firstPerson && tokens.some((t) => MAKING.has(t.lemma)) && hasArtifact) ||
      tokens.some((t, k) => t.lemma === 'become' && tokens.slice(k + 1).some((n) => ARTIFACTS.has(n.lemma)));
    if (lasting || made || stillUse) found.changes.push(quote);
    if (PROMISES.some((p) => normals.includes(p)))
      found.promises.push(PROMISES.find((p) => normals.includes(p))?.trim() ?? '');
  }
  return found;
}

/**
 * `result` is what the checks credit (the told sentences); `written`, the whole Result as written, is where
 * a promise is looked for, since "Going forward, we are still trying it out." is itself a hollow claim.
 */
export function assessReflection(result: Reading, example?: string, written: Reading = result): Assessment {
  const { lessons, changes } = findReflection(result);
  const { promises } = written === result ? findReflection(result) : findReflection(written);
  const fraction =
    lessons.length > 0 && changes.length > 0 ? 1 : lessons.length > 0 ? 0.9 : changes.length > 0 ? 0.85 : 0;
  const passed = fraction >= 0.6;
  const like = example ? ` The guide's sample does: '${example}'.` : '';
  let why: string;
  if (written.words === 0) why = 'Your Result is empty.';
  else if (lessons.length > 0) why = `Says what you learned: '${lessons[0]}'.`;
  else if (changes.length > 0) why = `Says what changed for good: '${changes[0]}'.`;
  else if (promises.length > 0)
    why = `'${promises[0]}' promises a change but names no lesson and nothing you changed.`;
  else why = 'Your Result stops at the outcome: no lesson, and nothing you changed for good.';
  return {
    fraction,
    passed,
    why,
    suggestion: passed
      ? 'Tie the lesson to a later decision: one time you used it since.'
      : `End with one sentence on what you learned or changed for good: "Since then, I ...".${like}`,
    parts: { result: fraction },
  };
}
