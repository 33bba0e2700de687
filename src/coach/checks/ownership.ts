/**
 * "Ownership": the Action is what the candidate did, told as "I ...". Interviewers hire the person in
 * front of them; "we", "the team" and the passive ("was fixed") hide who did the work.
 */
import type { Reading, Token } from '../reading.ts';
import { textOf } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { passiveAt } from '../verbs.ts';
import { andList, quoteList, ramp, times } from '../wording.ts';

/** Nouns that, as the subject of a verb, hand the work to someone else. */
const OTHERS = new Set(['team', 'everyone', 'everybody', 'they', 'management', 'company']);

export interface Voices {
  i: number;
  we: number;
  /** "the team decided", "they fixed": someone other than the candidate as the subject. */
  others: number;
  passives: string[];
}

function isSubjectOfVerb(tokens: Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const t = tokens[j] as Token;
    // Skip adverbs and "not", but not the "to" of "organised a team to run ...": that team is an object.
    if (t.pos === 'ADV' || (t.pos === 'PART' && t.normal !== 'to')) continue;
    return t.pos === 'VERB' || t.pos === 'AUX';
  }
  return false;
}

/** Who the sentences of `reading` say did things. */
export function countVoices(reading: Reading): Voices {
  const { tokens } = reading;
  const voices: Voices = { i: 0, we: 0, others: 0, passives: [] };
  tokens.forEach((t, i) => {
    if (t.pos === 'PRON' && t.normal === 'i') voices.i++;
    else if (t.pos === 'PRON' && t.normal === 'we') voices.we++;
    else if (OTHERS.has(t.lemma) && isSubjectOfVerb(tokens, i)) voices.others++;
    const participle = passiveAt(tokens, i);
    if (participle !== -1) voices.passives.push(textOf(reading, i, participle));
  });
  return voices;
}

/** The share of the doing that is the candidate's own; "they" and the passive count half as much as "we". */
export function ownShare(v: Voices): number {
  const total = v.i + v.we + 0.5 * v.others + 0.5 * v.passives.length;
  return total === 0 ? 0 : v.i / total;
}

function fractionOf(v: Voices, words: number): number {
  if (words < 3 || v.i === 0) return 0;
  // Two thirds "I" is full marks: a story of one's own still has a "we" or two in it.
  return ramp(ownShare(v), 0.2, 0.65);
}

export interface OwnershipInput {
  action: Reading;
  /** The Task says what the candidate was responsible for; an "I" there counts for the Task part. */
  task?: Reading;
  /** "Action" for an answer, "answer" for a follow-up. */
  partName: string;
  /** Examples of the candidate's own steps from the guide's sample: "I isolated", "I implemented". */
  examples?: readonly string[];
}

export function assessOwnership({ action, task, partName, examples = [] }: OwnershipInput): Assessment {
  const v = countVoices(action);
  const fraction = fractionOf(v, action.words);
  const parts: Assessment['parts'] = { action: fraction };
  if (task) {
    const t = countVoices(task);
    parts.task = task.words < 3 ? 0 : t.i > 0 ? 1 : t.we > 0 ? 0.3 : 0.5;
  }
  const passed = fraction >= 0.6;
  const mine = v.i > 0 ? [`'I' ${times(v.i)}`] : [];
  const theirs = [
    ...(v.we > 0 ? [`'we' ${times(v.we)}`] : []),
    ...(v.others > 0 ? [`'the team'/'they' ${times(v.others)}`] : []),
  ];
  // Lead with what the feedback is about: the candidate's own "I" when it passes, the others when not.
  const said = andList(passed ? [...mine, ...theirs] : [...theirs, ...mine]);
  const passive = v.passives.length > 0 ? ` The passive (${quoteList(v.passives, 2)}) hides who acted.` : '';
  let why: string;
  if (action.words === 0) why = `Your ${partName} has no sentence that tells a step you took.`;
  else if (v.i === 0 && v.we + v.others + v.passives.length === 0)
    why = `Your ${partName} never says who acted.`;
  else if (v.i === 0) why = `Your ${partName} never says 'I'${said ? `; it says ${said}` : ''}.${passive}`;
  else why = `Your ${partName} says ${said}.${passed ? '' : passive}`;
  return {
    fraction,
    passed,
    why,
    suggestion: passed
      ? 'Keep "I" for your own steps, and name the team only for what they did without you.'
      : `Tell each step as your own: ${examples.length > 0 ? examples.map((e) => `"${e}..."`).join(', ') : '"I traced...", "I proposed..."'}. Keep "we" for what the team did without you.`,
    parts,
  };
}
