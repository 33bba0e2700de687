import { describe, expect, it } from 'vitest';
import { GuideError } from '../../src/bank/errors.ts';
import { parseGuide } from '../../src/bank/parse-guide.ts';
import { QuestionBank } from '../../src/bank/question-bank.ts';
import { guideMd, SHIPPED_GUIDE_FILE, shippedGuide, topicMd } from './fixtures.ts';

const shipped = parseGuide(shippedGuide(), SHIPPED_GUIDE_FILE);
const bank = QuestionBank.fromGuides([shipped]);

function errorOf(run: () => unknown): GuideError {
  try {
    run();
  } catch (error) {
    if (error instanceof GuideError) return error;
    throw error;
  }
  throw new Error('expected a GuideError');
}

describe('QuestionBank', () => {
  it('holds the topics and strategies of its guides, in order', () => {
    const other = parseGuide(guideMd(topicMd('1. Extra Topic')), 'other.md');
    const both = QuestionBank.fromGuides([shipped, other]);
    expect(both.topics.map((t) => t.slug).at(-1)).toBe('extra-topic');
    expect(both.topics).toHaveLength(6);
    expect(both.strategies).toHaveLength(8);
  });

  it('looks topics up by slug and questions by id', () => {
    expect(bank.topic('cross-functional-collaboration')?.number).toBe(2);
    expect(bank.topic('Cross-Functional-Collaboration')).toBeUndefined();
    const question = shipped.topics[2]?.questions[1];
    expect(question).toBeDefined();
    const found = bank.question(question?.id ?? '');
    expect(found?.topic.slug).toBe('learning-new-technologies-quickly');
    expect(found?.question).toEqual(question);
    expect(bank.question('q_0000000000')).toBeUndefined();
  });

  it('rejects two guides defining one topic slug, naming both files', () => {
    const a = parseGuide(guideMd(topicMd('1. Same Title')), 'content/a.md');
    const b = parseGuide(
      guideMd(topicMd('4. Same title!', { questions: '### Example Questions\n\n- "Other?"' })),
      'content/b.md',
    );
    expect(errorOf(() => QuestionBank.fromGuides([a, b])).message).toBe(
      'content/b.md: section "4. Same title!": topic slug "same-title" is already used by section "1. Same Title" in content/a.md',
    );
  });

  it('rejects one question appearing twice, naming both places', () => {
    const question = '### Example Questions\n\n- "Shared question?"';
    const a = parseGuide(guideMd(topicMd('1. First', { questions: question })), 'a.md');
    const b = parseGuide(
      guideMd(topicMd('1. Second', { questions: `${question}\n- "Own question?"` })),
      'b.md',
    );
    const error = errorOf(() => QuestionBank.fromGuides([a, b]));
    expect(error.file).toBe('b.md');
    expect(error.section).toBe('1. Second');
    expect(error.problem).toMatch(
      /^question 1 \("Shared question\?"\) has the same id q_[0-9a-f]{10} as question 1 of section "1\. First" in a\.md$/,
    );

    const twiceInOneGuide = parseGuide(
      guideMd(topicMd('1. First', { questions: question }), topicMd('2. Second', { questions: question })),
      'c.md',
    );
    expect(errorOf(() => QuestionBank.fromGuides([twiceInOneGuide])).section).toBe('2. Second');
  });
});

describe('QuestionBank.findTopic', () => {
  const slugOf = (query: string) => bank.findTopic(query)?.slug ?? null;
  const INCIDENTS = 'handling-production-incidents';
  const COLLAB = 'cross-functional-collaboration';
  const LEARNING = 'learning-new-technologies-quickly';
  const DEBT = 'balancing-technical-debt-with-new-features';
  const LEADERSHIP = 'leadership-in-technical-decision-making';

  it.each<[string, string | null]>([
    ['incident', INCIDENTS],
    ['incidents', INCIDENTS],
    ['production', INCIDENTS],
    ['collaboration', COLLAB],
    ['cross-functional', COLLAB],
    ['cross', COLLAB],
    ['functional', COLLAB],
    ['learning', LEARNING],
    ['debt', DEBT],
    ['leadership', LEADERSHIP],
    ['decision', LEADERSHIP],
    ['decision-making', LEADERSHIP],
    [INCIDENTS, INCIDENTS],
    [COLLAB, COLLAB],
    [LEARNING, LEARNING],
    [DEBT, DEBT],
    [LEADERSHIP, LEADERSHIP],
    ['1', INCIDENTS],
    ['2', COLLAB],
    ['3', LEARNING],
    ['4', DEBT],
    ['5', LEADERSHIP],
    // case, surrounding whitespace, several words, prefixes of words and slugs
    ['  Incidents  ', INCIDENTS],
    ['DEBT', DEBT],
    ['technical debt', DEBT],
    ['Handling Production Incidents', INCIDENTS],
    ['collab', COLLAB],
    ['lead', LEADERSHIP],
    ['balancing-tech', DEBT],
    // a whole word of one title beats being the start of a word of another
    ['in', LEADERSHIP],
    // never a guess
    ['technical', null],
    ['new', null],
    ['t', null],
    ['l', null],
    ['', null],
    ['   ', null],
    ['xyz', null],
    ['0', null],
    ['6', null],
    ['debt xyz', null],
  ])('%j -> %s', (query, expected) => {
    expect(slugOf(query)).toBe(expected);
  });

  it('treats a number shared by two guides as ambiguous', () => {
    const other = parseGuide(guideMd(topicMd('3. Salary Negotiation')), 'other.md');
    const both = QuestionBank.fromGuides([shipped, other]);
    expect(both.findTopic('3')).toBeNull();
    expect(both.findTopic('salary')?.slug).toBe('salary-negotiation');
  });
});
