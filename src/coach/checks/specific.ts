/**
 * "Specific, not vague": an answer the interviewer can picture names things: tools, systems, people,
 * numbers, the technical thing that broke ("connection pool", "circuit breaker"). Filler ("things", "a
 * lot", "worked hard", "everyone was happy") is what a candidate says when they have no detail to give.
 *
 * Concreteness is read from the model's tags: proper nouns, numbers, and noun compounds (a noun before a
 * noun is how English names a specific technical thing).
 */
import type { StarPart } from '../../bank/types.ts';
import type { Reading, Token } from '../reading.ts';
import { textOf } from '../reading.ts';
import type { Assessment } from '../types.ts';
import { clamp01, countPhrase, plural, quoteList, ramp } from '../wording.ts';

/** Filler, as lemma sequences ("everyone be happy" matches "everyone was happy"). */
const VAGUE_PHRASES = [
  'thing',
  'stuff',
  'a lot',
  'lots of',
  'various',
  'etc',
  'etc.',
  'and so on',
  'and so forth',
  'work hard',
  'work really hard',
  'work very hard',
  'everyone be happy',
  'everyone be satisfied',
  'everybody be happy',
  'everything',
  'somehow',
  'deal with',
  'take care of',
  'kind of',
  'sort of',
  'a bunch',
  'do my best',
  'go above and beyond',
  'synergy',
  'touch base',
  'help out',
  'as need',
  'some issue',
  'some problem',
  'many issue',
  'stuff like that',
];
/** "communicated" with nothing after it says that talking happened, not what was said to whom. */
const BARE_AFTER_COMMUNICATE = new Set(['CCONJ', 'ADV', 'PUNCT']);
const UNSPECIFIC_OBJECTS = new Set(['everyone', 'everybody', 'all', 'people', 'them']);

export interface Specificity {
  /** Distinct concrete details: proper nouns, identifiers, numbers, noun compounds. */
  concrete: string[];
  vague: string[];
  words: number;
}

function isIdentifierLike(value: string): boolean {
  // p99, k8s, EC2, PostgreSQL, GitHub, gRPC: letters mixed with digits, or capitals inside a word.
  return /[a-z].*\d|\d.*[a-z]/i.test(value) || /^[a-z]+[A-Z]|^[A-Z][a-z]+[A-Z]/.test(value);
}

function isNounish(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN') && t.kind === 'word';
}

export function readSpecificity(reading: Reading): Specificity {
  const { tokens } = reading;
  // Keyed by lemma so "Kafka" twice is one detail; the rank orders what the feedback quotes first.
  const concrete = new Map<string, { text: string; rank: number }>();
  const add = (key: string, text: string, rank: number) => {
    if (!concrete.has(key)) concrete.set(key, { text, rank });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // A run of two or more nouns names one thing: "payment processing system", "connection pool".
    let end = i;
    while (isNounish(tokens[end]) && isNounish(tokens[end + 1]) && tokens[end + 1]?.spaced) end++;
    if (end > i && tokens[end]?.pos === 'NOUN') {
      const run = tokens.slice(i, end + 1);
      add(run.map((r) => r.lemma).join(' '), textOf(reading, i, end), 0);
      i = end;
      continue;
    }
    const sentenceStart = reading.sentences[t.sentence]?.start === i;
    // A month or weekday names when, not what: it counts, but is quoted last.
    const inDate =
      t.entity !== undefined && ['DATE', 'TIME'].includes(reading.entities[t.entity]?.type ?? '');
    if (t.pos === 'NUM' || t.kind === 'number') add(t.normal, t.value, 3);
    else if (t.kind === 'word' && isIdentifierLike(t.value)) add(t.normal, t.value, 0);
    else if (t.pos === 'PROPN' && t.kind === 'word' && !sentenceStart && t.normal !== 'i')
      add(t.normal, t.value, inDate ? 2 : 1);
  }

  const stream = reading.lemmas;
  const vague: string[] = [];
  for (const phrase of VAGUE_PHRASES) {
    if (phrase === 'thing') continue;
    const n = countPhrase(stream, phrase);
    for (let k = 0; k < n; k++) vague.push(phrase);
  }
  // "things" is vague unless the things are then named: "five things: the logs, ..." or "things like X".
  tokens.forEach((t, i) => {
    if (t.lemma !== 'thing' || t.pos !== 'NOUN') return;
    const next = tokens[i + 1];
    const named =
      next !== undefined &&
      (next.value === ':' ||
        ['like', 'including', 'such'].includes(next.normal) ||
        tokens[i - 1]?.pos === 'NUM');
    if (!named) vague.push(t.value);
  });
  tokens.forEach((t, i) => {
    if (t.lemma !== 'communicate') return;
    const next = tokens[i + 1];
    const object = next?.lemma === 'with' || next?.lemma === 'to' ? tokens[i + 2] : undefined;
    if (
      next === undefined ||
      BARE_AFTER_COMMUNICATE.has(next.pos) ||
      (object && UNSPECIFIC_OBJECTS.has(object.normal))
    )
      vague.push(t.value);
  });
  // Compounds and identifiers say most about the story, then names, dates, and bare numbers last.
  const details = [...concrete.values()].sort((a, b) => a.rank - b.rank).map((d) => d.text);
  return { concrete: details, vague, words: reading.words };
}

/** 0..1 from concrete details per 100 words, less a penalty for each piece of filler. */
export function specificityScore(s: Specificity): number {
  if (s.words < 3) return 0;
  const density = (s.concrete.length / s.words) * 100;
  const vagueRate = (s.vague.length / s.words) * 100;
  const penalty = Math.min(0.7, 0.08 * s.vague.length + 0.1 * vagueRate);
  return clamp01(ramp(density, 1, 8) - penalty);
}

const QUOTE_ORDER: StarPart[] = ['action', 'result', 'task', 'situation'];

export function assessSpecific(
  parts: Partial<Record<StarPart, Reading>>,
  partName = 'answer',
  /** Concrete details from the guide's sample for this topic: the kind of name the suggestion asks for. */
  examples: readonly string[] = [],
): Assessment {
  const byPart: Assessment['parts'] = {};
  const all: Specificity = { concrete: [], vague: [], words: 0 };
  // The Action's details are the ones worth quoting back, then the Result's; the setup's come last.
  for (const part of QUOTE_ORDER) {
    const reading = parts[part];
    if (reading === undefined) continue;
    const s = readSpecificity(reading);
    byPart[part] = specificityScore(s);
    all.concrete.push(...s.concrete);
    all.vague.push(...s.vague);
    all.words += s.words;
  }
  all.concrete = [...new Set(all.concrete)];
  const fraction = specificityScore(all);
  const passed = fraction >= 0.6;
  const details = all.concrete.length > 0 ? `${quoteList(all.concrete)}` : 'none';
  let why: string;
  if (all.words === 0) why = `Your ${partName} has no sentence that names anything.`;
  else if (passed) why = `Concrete: ${details}.`;
  else if (all.vague.length > 0)
    why = `Vague: ${quoteList(all.vague)}; ${plural(all.concrete.length, 'concrete detail')} (names, tools, numbers) in ${all.words} words.`;
  else
    why = `Few names, tools or numbers: ${plural(all.concrete.length, 'concrete detail')} in ${all.words} words.`;
  const worst = all.vague[0];
  const like = examples.length > 0 ? `, as the guide's sample names ${quoteList(examples.slice(0, 2))}` : '';
  return {
    fraction,
    passed,
    why,
    suggestion: passed
      ? 'Keep naming the system and the tool; one telling detail beats three general ones.'
      : worst !== undefined
        ? `Replace '${worst}' with what exactly: the system, the tool, the person, the number${like}.`
        : `Name the system, the tool and the people involved${like}.`,
    parts: byPart,
  };
}
