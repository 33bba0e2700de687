/**
 * The labelled set's own shape: enough answers, every kind present, one fifth held out evenly across kinds,
 * ids unique, every answer one the answer modal would accept, topics and questions that exist in the
 * shipped guide, each kind looking like its description, and golden patterns that mean what they say.
 * It does not run the coach: the coach's tests read this set.
 */
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../../src/bank/parse-guide.ts';
import { asksForOccasion } from '../../../src/bank/sample-question.ts';
import {
  countCharacters,
  MAX_PART_CHARS,
  STAR_PARTS,
  validateStarAnswer,
} from '../../../src/drills/star-answer.ts';
import { SHIPPED_GUIDE_FILE, shippedGuide } from '../../bank/fixtures.ts';
import * as golden from './golden.ts';
import {
  type AnswerKind,
  HELD_OUT,
  LABELLED_SET,
  type LabelledSetAnswer,
  NON_ENGLISH,
  STRONG_KINDS,
  TOPICS,
  TUNING_SET,
  WEAK_KINDS,
  WITH_GOLDEN,
} from './index.ts';

const guide = parseGuide(shippedGuide(), SHIPPED_GUIDE_FILE);
const ALL_KINDS: readonly AnswerKind[] = [...STRONG_KINDS, ...WEAK_KINDS];
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const totalWords = (a: LabelledSetAnswer): number => STAR_PARTS.reduce((n, p) => n + words(a.answer[p]), 0);
const ofKind = (kind: AnswerKind) => LABELLED_SET.filter((a) => a.kind === kind);

describe('labelled set: size and kinds', () => {
  it('has at least 80 strong/weak answers, both labels well represented', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(80);
    expect(LABELLED_SET.filter((a) => a.label === 'strong').length).toBeGreaterThanOrEqual(30);
    expect(LABELLED_SET.filter((a) => a.label === 'weak').length).toBeGreaterThanOrEqual(30);
  });

  it('has every kind several times, with the label its kind implies', () => {
    for (const kind of ALL_KINDS) expect(ofKind(kind).length, kind).toBeGreaterThanOrEqual(5);
    for (const a of LABELLED_SET) {
      const expected = (STRONG_KINDS as readonly string[]).includes(a.kind) ? 'strong' : 'weak';
      expect(a.label, a.id).toBe(expected);
    }
  });

  it('spreads every topic over strong and weak answers and over its three questions', () => {
    for (const topic of TOPICS) {
      const inTopic = LABELLED_SET.filter((a) => a.topic === topic);
      expect(inTopic.filter((a) => a.label === 'strong').length, topic).toBeGreaterThanOrEqual(6);
      expect(inTopic.filter((a) => a.label === 'weak').length, topic).toBeGreaterThanOrEqual(6);
      expect(new Set(inTopic.map((a) => a.question)), topic).toEqual(new Set([1, 2, 3]));
    }
  });
});

describe('labelled set: held out', () => {
  it('holds out exactly one fifth of the set, one fifth of each kind', () => {
    expect(HELD_OUT.length * 5).toBe(LABELLED_SET.length);
    expect(HELD_OUT.length + TUNING_SET.length).toBe(LABELLED_SET.length);
    for (const kind of ALL_KINDS) {
      const all = ofKind(kind);
      expect(all.length % 5, `${kind} count is a multiple of 5`).toBe(0);
      expect(all.filter((a) => a.heldOut).length, kind).toBe(all.length / 5);
    }
  });

  it('has both labels and every topic in the held-out part', () => {
    expect(new Set(HELD_OUT.map((a) => a.label))).toEqual(new Set(['strong', 'weak']));
    expect(new Set(HELD_OUT.map((a) => a.topic))).toEqual(new Set(TOPICS));
  });
});

describe('labelled set: every answer is one the modal accepts', () => {
  const everyAnswer = [...LABELLED_SET, ...NON_ENGLISH];

  it('has unique ids across the labelled and non-English answers', () => {
    const ids = everyAnswer.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)+$/);
  });

  it('has four non-empty, trimmed parts of at most 3000 characters that pass validation', () => {
    for (const a of everyAnswer) {
      for (const part of STAR_PARTS) {
        const text = a.answer[part];
        expect(text.trim(), `${a.id} ${part}`).toBe(text);
        expect(text.length, `${a.id} ${part}`).toBeGreaterThan(0);
        expect(countCharacters(text), `${a.id} ${part}`).toBeLessThanOrEqual(MAX_PART_CHARS);
      }
      expect(validateStarAnswer(a.answer), a.id).toEqual({ ok: true, answer: a.answer });
    }
  });

  it('names a topic and question number that exist in the shipped guide, and says why in a note', () => {
    for (const a of everyAnswer) {
      const topic = guide.topics.find((t) => t.slug === a.topic);
      expect(topic, a.id).toBeDefined();
      expect(topic?.questions[a.question - 1], a.id).toBeDefined();
      expect(a.note.length, a.id).toBeGreaterThan(20);
    }
  });
});

describe('labelled set: each kind looks like its description', () => {
  const questionText = (a: LabelledSetAnswer): string =>
    guide.topics.find((t) => t.slug === a.topic)?.questions[a.question - 1]?.text ?? '';

  it('concise strong answers are about 100 words, detailed ones long, vague ones a few words', () => {
    for (const a of ofKind('concise')) expect(totalWords(a), a.id).toBeLessThanOrEqual(120);
    for (const a of ofKind('detailed')) expect(totalWords(a), a.id).toBeGreaterThanOrEqual(300);
    for (const a of ofKind('vague-short')) expect(totalWords(a), a.id).toBeLessThanOrEqual(15);
  });

  it('"we"-only answers never speak in the first person singular', () => {
    for (const a of ofKind('we-only')) {
      for (const part of STAR_PARTS) expect(a.answer[part], a.id).not.toMatch(/\b(?:I|my|me|myself)\b/);
    }
  });

  it('hypothetical answers answer a question asking for one occasion, in "would" and "usually"', () => {
    for (const a of ofKind('hypothetical')) {
      expect(asksForOccasion(questionText(a)), a.id).toBe(true);
      expect(a.answer.action, a.id).toMatch(/\bI would\b/);
      expect(a.answer.action, a.id).toMatch(/\bI usually\b/);
    }
  });

  it('situation-heavy answers spend several times more words on the Situation than on the Action', () => {
    for (const a of ofKind('situation-heavy')) {
      expect(words(a.answer.situation), a.id).toBeGreaterThanOrEqual(100);
      expect(words(a.answer.situation), a.id).toBeGreaterThanOrEqual(5 * words(a.answer.action));
    }
  });

  it('stuffed answers are fragments: short sentences, each with at most a handful of words', () => {
    for (const a of ofKind('stuffed-claims')) {
      const sentences = STAR_PARTS.flatMap((p) => a.answer[p].split(/(?<=[.!?])\s+/));
      const average = sentences.reduce((n, s) => n + words(s), 0) / sentences.length;
      expect(average, a.id).toBeLessThanOrEqual(6);
      expect(STAR_PARTS.map((p) => a.answer[p]).join(' '), a.id).toMatch(/\d+%/);
    }
  });

  it('off-topic answers name another topic that the story fits', () => {
    for (const a of LABELLED_SET) {
      if (a.kind !== 'off-topic') continue;
      expect(a.fitsTopic, a.id).not.toBe(a.topic);
      expect(a.mustSay, a.id).toContain(golden.NAMES_TOPIC[a.fitsTopic]);
    }
  });

  it('has non-English answers in Spanish, German, French and Portuguese', () => {
    expect(new Set(NON_ENGLISH.map((a) => a.language))).toEqual(new Set(['es', 'de', 'fr', 'pt']));
    for (const a of NON_ENGLISH) expect(a.mustSay, a.id).toContain(golden.READS_ENGLISH_ONLY);
  });
});

describe('labelled set: golden expectations', () => {
  it('gives at least 25 answers golden expectations, over every weak kind', () => {
    expect(WITH_GOLDEN.length).toBeGreaterThanOrEqual(25);
    const goldenKinds = new Set(WITH_GOLDEN.map((a) => a.kind));
    for (const kind of WEAK_KINDS) expect(goldenKinds.has(kind), kind).toBe(true);
  });

  it('asks of every blame, hypothetical, off-topic and stuffed answer the note its kind calls for', () => {
    const required: Partial<Record<AnswerKind, RegExp>> = {
      blame: golden.OWN_THE_STORY,
      hypothetical: golden.TELL_ONE_OCCASION,
      'off-topic': golden.FLAGS_OFF_TOPIC,
      'stuffed-claims': golden.LIST_OF_CLAIMS,
      'we-only': golden.ASKS_FOR_OWN_PART,
      'no-result': golden.SAYS_NO_RESULT,
    };
    for (const a of LABELLED_SET) {
      const pattern = required[a.kind];
      if (pattern) expect(a.mustSay, a.id).toContain(pattern);
    }
  });

  it('never expects a pattern both to be said and not said', () => {
    for (const a of [...LABELLED_SET, ...NON_ENGLISH]) {
      for (const p of a.mustSay ?? []) expect(a.mustNotSay ?? [], a.id).not.toContain(p);
    }
  });
});

/** Sample feedback sentences on each side of a pattern: the patterns are loose on wording, not on meaning. */
const PHRASINGS: [name: string, patterns: RegExp | RegExp[], says: string[], doesNotSay: string[]][] = [
  [
    'PRAISES_MEASURED_RESULT',
    golden.PRAISES_MEASURED_RESULT,
    ['Clear measured result: "from 9 seconds to 300 ms".', 'Your Result is quantified.', 'Result ✓'],
    [
      'No measured result: a 3-hour outage is how long the problem lasted, not what you changed.',
      'There is no clear measured result yet.',
      'Add a measured result: what changed because of your work?',
      'A delay is context, not a result.',
      'Measured result: none yet.',
    ],
  ],
  [
    'SAYS_RESULT_UNMEASURED',
    golden.SAYS_RESULT_UNMEASURED,
    ['No measured result.', 'The result is not measured.', 'Quantify the outcome: by how much?'],
    ['Measured result: "from 4% to under 0.1%".'],
  ],
  [
    'CREDITS_REFLECTION',
    golden.CREDITS_REFLECTION,
    [
      'Shows reflection: "I now test certificate changes".',
      'Reflection ✓',
      'What worked: a real lesson, reflection.',
    ],
    [
      '"Going forward" is not a lesson: say what you now do differently.',
      'No reflection yet.',
      'Add a lesson you took from it.',
      'Close the Result with what you learned.',
    ],
  ],
  [
    'OWN_THE_STORY',
    golden.OWN_THE_STORY,
    ['Own the story: say what you could have done, not whose fault it was.', 'Try not to blame other teams.'],
    ['Good detail on the root cause.'],
  ],
  [
    'TELL_ONE_OCCASION',
    golden.TELL_ONE_OCCASION,
    ['Tell one real occasion, not what you would do.', 'This reads as hypothetical.'],
    ['Good detail on the root cause.', 'Say what you did in the Action.'],
  ],
  [
    'FLAGS_OFF_TOPIC',
    golden.FLAGS_OFF_TOPIC,
    [
      'This story fits another topic better: Learning New Technologies Quickly.',
      'Off-topic for this question.',
    ],
    ['On topic: you compared three test runners.', 'Good fit for the question.'],
  ],
  [
    'LIST_OF_CLAIMS',
    golden.LIST_OF_CLAIMS,
    ['Reads as a list of claims, not what happened.', 'Short fragments: write full sentences.'],
    ['Good detail on the root cause.'],
  ],
  [
    'ASKS_FOR_OWN_PART',
    golden.ASKS_FOR_OWN_PART,
    ['Say what you did yourself: the answer never says "I".', 'What was your part?'],
    ['Good detail on the root cause.'],
  ],
  [
    'SAYS_NO_RESULT',
    golden.SAYS_NO_RESULT,
    ['No result: say how it ended.', 'End with the outcome.'],
    ['Good detail on the root cause.'],
  ],
  [
    'ASKS_FOR_ACTION',
    golden.ASKS_FOR_ACTION,
    [
      'The Action is one line: say what you did, step by step.',
      'Most of the answer is context; expand the Action.',
    ],
    ['Good detail on the root cause.', 'Action: clear steps in order.'],
  ],
  [
    'SHORTEN_SITUATION',
    golden.SHORTEN_SITUATION,
    ['Cut the Situation to two sentences.', 'The Situation is too long.'],
    ['Expand the Situation: who was affected?', 'Situation: add one sentence on the stakes.'],
  ],
  ['VAGUE_THINGS', golden.VAGUE_THINGS, ['Vague: "things".'], ['Specific: you named the five things.']],
  [
    'GRAMMAR_COMPLAINT',
    golden.GRAMMAR_COMPLAINT,
    ['There is no verb in the Action.', 'Use the past tense.'],
    ['Good detail on the root cause.'],
  ],
  [
    'CALLS_IT_ROUTINE',
    golden.CALLS_IT_ROUTINE,
    ['This describes a routine, not one occasion.'],
    ['Good detail on the root cause.'],
  ],
  [
    'GIVES_A_SCORE',
    golden.GIVES_A_SCORE,
    ['Score: 46', '62/100'],
    ['The coach reads English only for now, so there is no score for this answer.'],
  ],
];

describe('labelled set: golden patterns mean what they say', () => {
  it.each(PHRASINGS)('%s', (_name, patterns, says, doesNotSay) => {
    const list = Array.isArray(patterns) ? patterns : [patterns];
    const matches = (text: string): boolean => list.some((p) => p.test(text));
    for (const text of says) expect(matches(text), text).toBe(true);
    for (const text of doesNotSay) expect(matches(text), text).toBe(false);
  });

  it('spots a delay or duration credited as a measured result, not one named as context', () => {
    const pattern = golden.creditsAsMeasured('3 hours');
    expect(pattern.test('Measured result ✓: "down for 3 hours"')).toBe(true);
    expect(pattern.test('What worked: quantified outcome, "3 hours".')).toBe(true);
    expect(pattern.test('Measured result: "down for 3 hours" is how long it lasted, not a change.')).toBe(
      false,
    );
    expect(pattern.test('No measured result: "3 hours" is context.')).toBe(false);
  });

  it('spots a figure quoted as a fragment, and not the whole figure', () => {
    expect(golden.quotedFragment('$2').test("Measured: '$2'")).toBe(true);
    expect(golden.quotedFragment('$2').test('Measured: "$2M a year"')).toBe(false);
    expect(golden.quotedFragment('20%').test('Measured: "from 20% to 0.1%"')).toBe(false);
  });
});
