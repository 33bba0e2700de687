import { describe, expect, it } from 'vitest';
import { slugify, stripEnclosingQuotes } from '../../src/bank/text.ts';
import { TopicSchema } from '../../src/bank/types.ts';

describe('stripEnclosingQuotes', () => {
  it.each([
    ['"Tell me."', 'Tell me.'],
    ['“Tell me.”', 'Tell me.'],
    ['  " padded "  ', 'padded'],
    ['Not quoted.', 'Not quoted.'],
    ['"Only opening', '"Only opening'],
    ['"Mixed marks”', '"Mixed marks”'],
    ['"A" or "B"', '"A" or "B"'],
    ["\"It's a 'debt budget'\"", "It's a 'debt budget'"],
    ['""', ''],
    ['"', '"'],
  ])('%j -> %j', (input, expected) => {
    expect(stripEnclosingQuotes(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Handling Production Incidents', 'handling-production-incidents'],
    ['Cross-Functional Collaboration', 'cross-functional-collaboration'],
    ['Leadership in Technical Decision-Making', 'leadership-in-technical-decision-making'],
    ['  Q&A: Café — Résumé 101! ', 'q-a-cafe-resume-101'],
    ['???', ''],
  ])('%j -> %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('TopicSchema', () => {
  const topic = {
    slug: 'a-topic',
    number: 1,
    title: 'A Topic',
    keyConcepts: 'K.',
    questions: [{ id: 'q_0123456789', topicSlug: 'a-topic', number: 1, text: 'Q?' }],
    sampleAnswer: { situation: 'S.', task: 'T.', action: 'A.', result: 'R.' },
    followUps: ['F?'],
    sourceFile: 'a.md',
  };

  it('accepts a complete topic', () => {
    expect(TopicSchema.safeParse(topic).success).toBe(true);
  });

  it.each([
    ['a question of another topic', { questions: [{ ...topic.questions[0], topicSlug: 'other' }] }],
    ['a question numbered out of order', { questions: [{ ...topic.questions[0], number: 2 }] }],
    ['a missing STAR part', { sampleAnswer: { situation: 'S.', task: 'T.', action: 'A.' } }],
    ['an untrimmed text', { keyConcepts: ' K.' }],
    ['a slug that is not kebab-case', { slug: 'A Topic' }],
    ['no follow-ups', { followUps: [] }],
  ])('rejects %s', (_, change) => {
    expect(TopicSchema.safeParse({ ...topic, ...change }).success).toBe(false);
  });
});
