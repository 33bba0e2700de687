// The model may only reuse what the candidate said. Checked after parsing, item by item: every number and
// quoted span in an item must occur verbatim in the answer, and every named thing (a capitalised word, an
// identifier such as `PagerDuty` or `k8s`) must occur in it as a word. An item that fails is dropped; the
// reply is whatever survives. Pure: no Slack, no database, no model.

import type { ModelReply } from './reply-schema.ts';

/** The candidate's answer, as written. */
export interface AnswerText {
  situation: string;
  task: string;
  action: string;
  result: string;
}

/** What survives grounding: follow-ups, and a rewrite with its changes (both parts, or none). */
export interface GroundedReply {
  followUps: string[];
  rewrite?: { action: string; result: string; changes: string[] };
}

export interface GroundingResult {
  /** Undefined when nothing survived: no model reply is posted. */
  reply?: GroundedReply;
  /** Items dropped, and the first reason for each (for counting and debugging, never the text). */
  dropped: Array<{ item: string; reason: UngroundedReason }>;
}

export type UngroundedReason = 'number' | 'quote' | 'name' | 'empty';

/**
 * Words the coach itself may capitalise without them being a fact of the story: the STAR parts it talks
 * about, and "I". Anything else capitalised must come from the answer.
 */
const COACH_VOCABULARY = new Set(['i', 'star', 'situation', 'task', 'action', 'result']);

/**
 * Words that start a sentence without naming anything: a capitalised first word is a name only if it is not
 * one of these. Unknown first words are treated as names (and so must be in the answer): the list errs
 * towards dropping an item, never towards letting an invented name through.
 */
const SENTENCE_OPENERS = new Set(
  (
    'a an the this that these those there then than so and but or if when whenever while where why what which who whom ' +
    'whose how after before during since until once as at by for from in into of on to with without within about ' +
    'because although though also instead rather next first second finally later earlier now today it its it’s ' +
    'i’d i’ll i’m i’ve you your you’d you’re we our they their he she his her my me us them is was were are be been ' +
    'do did does done have has had can could would should will shall may might must not no yes each every all any ' +
    'some most many more less few both either neither other another such same own only just even still yet ' +
    'again already always never often usually sometimes here describe tell walk explain say give share name ' +
    'imagine suppose looking thinking knowing given having being using moved kept changed replaced cut added ' +
    'removed made led let put started ended opened closed fixed found checked asked told wrote ran built set ' +
    'reduced improved raised lowered dropped stated stressed split merged turned said used took'
  ).split(' '),
);

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million ' +
    'billion dozen dozens hundreds thousands millions half twice double triple tenfold'
  ).split(' '),
);

/** Digits with their decimal and thousands separators: `0.5`, `1,200`, `99`. */
const NUMBER = /\d+(?:[.,:]\d+)*/g;
/** Spans in double quotes (straight or curly), and in single curly quotes. */
const QUOTED = [/"([^"\n]{1,400})"/g, /“([^”\n]{1,400})”/g, /‘([^’\n]{1,400})’/g];
/** Straight single quotes only when they open after a space and close before one: not an apostrophe. */
const SINGLE_QUOTED = /(?:^|[\s(])'([^'\n]{1,400})'(?=$|[\s).,;:!?])/g;
/** A word: letters and digits, with inner dots, hyphens, apostrophes and underscores (`Node.js`, `on-call`). */
const WORD = /[\p{L}\p{N}]+(?:[.’'_-][\p{L}\p{N}]+)*/gu;

/** Quotes normalised to straight ones and runs of spaces to one, so a quote copied from the answer matches. */
function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

interface AnswerFacts {
  text: string;
  numbers: Set<string>;
  /** Every word of the answer, lower-cased, with and without a possessive `'s`. */
  words: Set<string>;
}

function factsOf(answer: AnswerText): AnswerFacts {
  const text = normalise([answer.situation, answer.task, answer.action, answer.result].join('\n'));
  const words = new Set<string>();
  for (const w of text.match(WORD) ?? []) {
    const lower = w.toLowerCase();
    words.add(lower);
    words.add(stripPossessive(lower));
    // A compound's parts count as words too: "on-call" gives "on" and "call".
    for (const part of lower.split(/[.'_-]/)) if (part) words.add(part);
  }
  return { text, numbers: new Set(text.match(NUMBER) ?? []), words };
}

const stripPossessive = (word: string) => word.replace(/['’]s$/, '');

/** The reason `item` is not grounded in the answer, or undefined when every fact in it is the answer's. */
export function ungroundedReason(item: string, facts: AnswerFacts): UngroundedReason | undefined {
  const text = normalise(item);
  if (text === '') return 'empty';
  for (const n of text.match(NUMBER) ?? []) if (!facts.numbers.has(n)) return 'number';
  for (const span of quotedSpans(text)) if (!containsPhrase(facts.text, span)) return 'quote';
  for (const name of namesIn(text)) if (!isAnswerWord(name, facts)) return 'name';
  for (const w of text.match(WORD) ?? []) {
    if (NUMBER_WORDS.has(w.toLowerCase()) && !facts.words.has(w.toLowerCase())) return 'number';
  }
  return undefined;
}

/** `span` occurs in `text` as whole words: a quoted 'we' is not found inside "were". */
function containsPhrase(text: string, span: string): boolean {
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(span); at !== -1; at = text.indexOf(span, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + span.length] ?? ' ';
    const edgeOk = (edge: string, inner: string) => !(wordChar.test(edge) && wordChar.test(inner));
    if (edgeOk(before, span[0] ?? ' ') && edgeOk(after, span.at(-1) ?? ' ')) return true;
  }
  return false;
}

function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const pattern of [...QUOTED, SINGLE_QUOTED]) {
    for (const m of text.matchAll(pattern)) {
      const span = normalise(m[1] ?? '').replace(/^[.,;:!?]+|[.,;:!?]+$/g, '');
      if (span) spans.push(span);
    }
  }
  return spans;
}

/**
 * The named things of a text: any word with a capital letter, except "I", the coach's own STAR words and a
 * common word opening a sentence. `PagerDuty`, `AWS`, `Priya`, `k8s`-style identifiers with a capital are
 * names wherever they stand.
 */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (!/\p{Lu}/u.test(word)) continue;
    const lower = stripPossessive(word.toLowerCase());
    if (COACH_VOCABULARY.has(lower) || /^i['’](m|d|ll|ve)$/.test(lower)) continue;
    const innerCapital = /\p{Lu}/u.test(word.slice(1));
    if (!innerCapital && startsSentence(text, m.index ?? 0) && SENTENCE_OPENERS.has(lower)) continue;
    names.push(word);
  }
  return names;
}

/** True at the text's start, or after a sentence's end, a colon, a line break or an opening bracket/quote. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/["'(\s]+$/, '');
  return before === '' || /[.!?:;\n]$/.test(before);
}

function isAnswerWord(name: string, facts: AnswerFacts): boolean {
  const lower = stripPossessive(name.toLowerCase());
  if (facts.words.has(lower)) return true;
  // A compound name is grounded when each of its capitalised parts is ("Checkout-API" from "Checkout" and "API").
  const parts = name.split(/[.'’_-]/).filter((p) => /\p{Lu}/u.test(p));
  return parts.length > 1 && parts.every((p) => facts.words.has(stripPossessive(p.toLowerCase())));
}

/**
 * Keeps what is grounded in `answer`: each follow-up on its own; the rewrite only if both its Action and its
 * Result are grounded (half a rewrite would read as the whole), and then each named change on its own.
 */
export function groundReply(reply: ModelReply, answer: AnswerText): GroundingResult {
  const facts = factsOf(answer);
  const dropped: GroundingResult['dropped'] = [];
  const keep = (item: string, text: string) => {
    const reason = ungroundedReason(text, facts);
    if (reason) dropped.push({ item, reason });
    return !reason;
  };
  const followUps = reply.followUps
    .map((q) => q.trim())
    .filter((q, i) => keep(`followUp${i + 1}`, q))
    .slice(0, 2);
  const { action, result, changes } = reply.rewrite;
  const rewriteKept = keep('rewrite.action', action) && keep('rewrite.result', result);
  const keptChanges = rewriteKept ? changes.filter((c, i) => keep(`change${i + 1}`, c)) : [];
  const rewrite =
    rewriteKept && keptChanges.length > 0
      ? { action: action.trim(), result: result.trim(), changes: keptChanges.map((c) => c.trim()) }
      : undefined;
  if (rewriteKept && keptChanges.length === 0) dropped.push({ item: 'rewrite', reason: 'empty' });
  if (followUps.length === 0 && !rewrite) return { dropped };
  return { reply: { followUps, ...(rewrite ? { rewrite } : {}) }, dropped };
}
