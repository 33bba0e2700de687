import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../src/bank/parse-guide.ts';
import { questionId } from '../../src/bank/question-id.ts';
import { asksForOccasion, contentStems, sampleQuestionId, stem } from '../../src/bank/sample-question.ts';
import type { Topic } from '../../src/bank/types.ts';
import { SHIPPED_GUIDE_FILE, shippedGuide } from './fixtures.ts';

const topicWith = (questions: string[], answer: string): Pick<Topic, 'questions' | 'sampleAnswer'> => ({
  questions: questions.map((text, i) => ({ id: questionId(text), topicSlug: 't', number: i + 1, text })),
  sampleAnswer: { situation: answer, task: 'T.', action: 'A.', result: 'R.' },
});

describe('sampleQuestionId on the shipped guide', () => {
  it('labels each sample with the question it was written for', () => {
    const { topics } = parseGuide(shippedGuide(), SHIPPED_GUIDE_FILE);
    const mapping = Object.fromEntries(
      topics.map((t) => [t.slug, t.questions.find((q) => q.id === sampleQuestionId(t))?.number]),
    );
    expect(mapping).toEqual({
      'handling-production-incidents': 1, // resolve a critical production issue
      'cross-functional-collaboration': 1, // work closely with teams outside of engineering
      'learning-new-technologies-quickly': 1, // quickly learn a new technology
      'balancing-technical-debt-with-new-features': 2, // convince stakeholders to invest in technical debt
      'leadership-in-technical-decision-making': 1, // make a difficult technical decision
    });
  });
});

describe('sampleQuestionId', () => {
  it('prefers a question asking for an occasion over one asking for a method', () => {
    const topic = topicWith(
      [
        'How do you approach prioritizing technical debt?',
        'Tell me about a time when you convinced stakeholders.',
      ],
      'I quantified our technical debt and prioritized it against features.',
    );
    expect(sampleQuestionId(topic)).toBe(topic.questions[1]?.id);
  });

  it('among occasion questions, picks the one sharing the most content words with the sample', () => {
    const topic = topicWith(
      [
        'Tell me about a time when you had to push back on a product requirement.',
        'Describe a project where you worked closely with design and marketing.',
      ],
      'Our project needed design, marketing and product to agree; I worked closely with each.',
    );
    expect(sampleQuestionId(topic)).toBe(topic.questions[1]?.id);
  });

  it('falls back to all questions when none asks for an occasion, and breaks ties by order', () => {
    const topic = topicWith(['How do you debug?', 'How do you deploy?'], 'Nothing in common.');
    expect(sampleQuestionId(topic)).toBe(topic.questions[0]?.id);
  });
});

describe('the words compared', () => {
  it.each([
    ['debugging', 'debug'],
    ['stakeholders', 'stakeholder'],
    ['engineers', 'engineer'],
    ['engineering', 'engineer'],
    ['technologies', 'technology'],
    ['applied', 'apply'],
    ['technology', 'technology'],
    ['failures', 'failur'],
    ['failure', 'failur'],
  ])('stem(%s) = %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('leaves out function words and question boilerplate', () => {
    expect([
      ...contentStems('Tell me about a time when you had to resolve a critical production issue.'),
    ]).toEqual(['resolv', 'critical', 'production', 'issu']);
  });

  it.each([
    ['Tell me about a time when you had to make a difficult technical decision.', true],
    ['Describe a project where you had to work closely with teams outside of engineering.', true],
    ['Describe how you approach debugging a complex system failure.', false],
    ['How do you prioritize during a service outage?', false],
  ])('asksForOccasion(%s) = %s', (question, expected) => {
    expect(asksForOccasion(question)).toBe(expected);
  });
});
