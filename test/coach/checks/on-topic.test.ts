import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../../src/bank/question-bank.ts';
import { assessOnTopic, conceptsOf, matchConcepts } from '../../../src/coach/checks/on-topic.ts';
import { keyConceptList, relatedWords } from '../../../src/coach/key-concepts.ts';
import { read } from '../../../src/coach/reading.ts';
import { shippedBank, topicOf } from '../support.ts';

const INCIDENTS =
  'Production incidents test your ability to work under pressure, diagnose complex problems, communicate clearly, and implement both short-term fixes and long-term solutions.';

let bank: QuestionBank;
beforeAll(async () => {
  bank = await shippedBank();
});

describe('keyConceptList', () => {
  it('takes the list after "ability to", split at commas, keeping "both X and Y" whole', () => {
    expect(keyConceptList(INCIDENTS)).toEqual([
      'work under pressure',
      'diagnose complex problems',
      'communicate clearly',
      'implement both short-term fixes and long-term solutions',
    ]);
  });

  it('derives three or four concepts for every topic of the shipped guide', () => {
    expect(Object.fromEntries(bank.topics.map((t) => [t.slug, keyConceptList(t.keyConcepts)]))).toEqual({
      'handling-production-incidents': [
        'work under pressure',
        'diagnose complex problems',
        'communicate clearly',
        'implement both short-term fixes and long-term solutions',
      ],
      'cross-functional-collaboration': [
        'work effectively with diverse teams',
        'translate technical concepts for non-technical audiences',
        'build consensus around technical decisions',
      ],
      'learning-new-technologies-quickly': [
        'adapt to changing technical landscapes',
        'evaluate new technologies objectively',
        'apply relevant knowledge efficiently',
      ],
      'balancing-technical-debt-with-new-features': [
        'make strategic engineering decisions',
        'communicate technical constraints effectively',
        'balance short-term business needs with long-term system health',
      ],
      'leadership-in-technical-decision-making': [
        'guide teams through complex decisions',
        'balance competing priorities',
        'take responsibility for technical direction',
      ],
    });
  });

  it.each([
    ['Shows your abilities to plan and deliver.', ['plan', 'deliver']],
    ['Mentoring matters.', ['Mentoring matters']],
    ['', []],
  ])('%j -> %j', (sentence, concepts) => {
    expect(keyConceptList(sentence)).toEqual(concepts);
  });
});

describe('relatedWords', () => {
  it('adds the curated family of words a concept’s own words trigger, leaving out generic ones', () => {
    const words = relatedWords(['diagnose', 'complex', 'problem']);
    expect(words).toEqual(
      expect.arrayContaining(['diagnose', 'problem', 'root cause', 'log', 'metric', 'isolate', 'trace']),
    );
    expect(words).not.toContain('complex');
  });
});

describe('matchConcepts', () => {
  it('matches by lemma and multi-word phrase: "traced", "logs", "root cause", "status page"', () => {
    const matches = matchConcepts(conceptsOf(INCIDENTS), [
      read(
        'I traced the root cause in the logs and posted updates on the status page. I rolled back and later added alerts.',
      ),
    ]);
    expect(matches.map((m) => [m.concept.phrase, m.found])).toEqual([
      ['work under pressure', []],
      ['diagnose complex problems', ['root cause', 'log', 'trace']],
      ['communicate clearly', ['status page', 'update']],
      ['implement both short-term fixes and long-term solutions', ['roll back', 'alert']],
    ]);
  });
});

describe('assessOnTopic', () => {
  it('reports the concepts touched, with the words, and those missed', () => {
    const a = assessOnTopic({ keyConcepts: INCIDENTS }, [
      read('I traced the root cause in the logs and rolled back the release.'),
      read('Service was restored within 20 minutes.'),
    ]);
    expect(a.fraction).toBe(0.5 / 0.6);
    expect(a.passed).toBe(true);
    expect(a.why).toBe(
      "Touches 2 of 4 key concepts: diagnose complex problems ('root cause' and 'log'); implement both short-term fixes and long-term solutions ('roll back' and 'restore').",
    );
    expect(a.suggestion).toBe(
      "Add a sentence on how you work under pressure: 'pressure', 'urgent' and 'urgency'.",
    );
  });

  it('fails an answer about something else', () => {
    const topic = topicOf(bank, 'learning-new-technologies-quickly');
    const a = assessOnTopic(topic, [
      read('I swapped the ticket with a colleague because his week was full.'),
    ]);
    expect(a.passed).toBe(false);
  });

  it('passes when every concept is touched', () => {
    const a = assessOnTopic({ keyConcepts: INCIDENTS }, [
      read(
        'At peak traffic I isolated the fault in the metrics, kept stakeholders updated, shipped a hotfix and added alerts to prevent a recurrence.',
      ),
    ]);
    expect(a).toMatchObject({ passed: true, fraction: 1 });
    expect(a.why).toMatch(/^Touches all 4 key concepts/);
  });

  it('fails an empty answer without crashing', () => {
    expect(assessOnTopic({ keyConcepts: INCIDENTS }, [read('')])).toMatchObject({
      passed: false,
      fraction: 0,
    });
  });
});
