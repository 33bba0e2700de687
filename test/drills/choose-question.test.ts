import { describe, expect, it } from 'vitest';
import { type AskedBefore, chooseQuestion, chooseTopic } from '../../src/drills/choose-question.ts';

const q = (id: string) => ({ id, text: `Question ${id}` });
const asked = (questionId: string, iso: string, topicSlug = 'incidents'): AskedBefore => ({
  topicSlug,
  questionId,
  askedAt: new Date(iso),
});

describe('chooseQuestion', () => {
  const questions = [q('a'), q('b'), q('c')];

  it('starts with the first question when nothing was asked', () => {
    expect(chooseQuestion(questions, [])).toBe(questions[0]);
  });

  it('prefers never-asked questions, in the given order', () => {
    expect(chooseQuestion(questions, [asked('a', '2026-01-01T09:00:00Z')]).id).toBe('b');
    expect(chooseQuestion(questions, [asked('b', '2026-01-01T09:00:00Z')]).id).toBe('a');
  });

  it('then takes the least recently asked, judged by each question’s latest time', () => {
    const history = [
      asked('a', '2026-01-01T09:00:00Z'),
      asked('b', '2026-01-02T09:00:00Z'),
      asked('c', '2026-01-03T09:00:00Z'),
      asked('a', '2026-01-04T09:00:00Z'),
    ];
    expect(chooseQuestion(questions, history).id).toBe('b');
  });

  it('does not depend on the order of the history', () => {
    const history = [
      asked('c', '2026-01-03T09:00:00Z'),
      asked('a', '2026-01-04T09:00:00Z'),
      asked('b', '2026-01-02T09:00:00Z'),
      asked('a', '2026-01-01T09:00:00Z'),
    ];
    expect(chooseQuestion(questions, history).id).toBe('b');
  });

  it('cycles through every question before repeating, never the same twice in a row', () => {
    const history: AskedBefore[] = [];
    const picks: string[] = [];
    for (let day = 0; day < 9; day++) {
      const pick = chooseQuestion(questions, history);
      picks.push(pick.id);
      history.push(asked(pick.id, new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString()));
    }
    expect(picks).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('rotates even when several were asked in the same millisecond (later in history = more recent)', () => {
    const same = '2026-01-01T09:00:00Z';
    expect(chooseQuestion([q('a'), q('b')], [asked('a', same), asked('b', same)]).id).toBe('a');
    expect(chooseQuestion([q('a'), q('b')], [asked('b', same), asked('a', same)]).id).toBe('b');
  });

  it('ignores history of questions no longer offered, and a lone question is asked again', () => {
    expect(
      chooseQuestion([q('b')], [asked('b', '2026-01-02T09:00:00Z'), asked('z', '2026-01-01T09:00:00Z')]).id,
    ).toBe('b');
  });

  it('refuses an empty list', () => {
    expect(() => chooseQuestion([], [])).toThrow(RangeError);
  });
});

describe('chooseTopic', () => {
  const topics = ['incidents', 'collaboration', 'mentoring'];

  it('prefers never-drilled topics in the given order, then the least recently drilled', () => {
    expect(chooseTopic(topics, [])).toBe('incidents');
    expect(chooseTopic(topics, [asked('x', '2026-01-01T09:00:00Z', 'incidents')])).toBe('collaboration');
    const history = [
      asked('x', '2026-01-01T09:00:00Z', 'mentoring'),
      asked('x', '2026-01-02T09:00:00Z', 'incidents'),
      asked('x', '2026-01-03T09:00:00Z', 'collaboration'),
      asked('y', '2026-01-04T09:00:00Z', 'mentoring'),
    ];
    expect(chooseTopic(topics, history)).toBe('incidents');
  });

  it('only considers the topics offered (a subscription limited to some topics)', () => {
    const history = [
      asked('x', '2026-01-01T09:00:00Z', 'incidents'),
      asked('x', '2026-01-02T09:00:00Z', 'mentoring'),
    ];
    expect(chooseTopic(['mentoring', 'incidents'], history)).toBe('incidents');
    expect(chooseTopic(['mentoring'], history)).toBe('mentoring');
  });

  it('refuses an empty list', () => {
    expect(() => chooseTopic([], [])).toThrow(RangeError);
  });
});
