import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import type { AnswerFeedback } from '../../src/coach/types.ts';
import { CALIBRATION_SET, type LabelledAnswer } from './calibration-set.ts';
import { rocAuc } from './roc-auc.ts';
import { shippedBank, topicOf } from './support.ts';

let bank: QuestionBank;
let scored: { item: LabelledAnswer; feedback: AnswerFeedback }[];

beforeAll(async () => {
  bank = await shippedBank();
  scored = CALIBRATION_SET.map((item) => {
    const topic = topicOf(bank, item.topic);
    const question = topic.questions[item.question - 1];
    if (question === undefined) throw new Error(`${item.topic} has no question ${item.question}`);
    const feedback = analyseAnswer(item.answer, {
      topic,
      questionText: question.text,
      strategies: bank.strategies,
    });
    return { item, feedback };
  });
});

describe('the labelled calibration set', () => {
  it('has at least 30 answers, strong and weak, across all five topics', () => {
    expect(CALIBRATION_SET.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CALIBRATION_SET.map((a) => a.topic))).toEqual(new Set(bank.topics.map((t) => t.slug)));
    for (const topic of bank.topics) {
      const labels = CALIBRATION_SET.filter((a) => a.topic === topic.slug).map((a) => a.label);
      expect(labels, topic.slug).toContain('strong');
      expect(labels, topic.slug).toContain('weak');
    }
    for (const a of CALIBRATION_SET) expect(a.note.length, a.note).toBeGreaterThan(10);
  });

  it('includes long-but-weak and short-but-strong answers, so length alone cannot separate them', () => {
    const words = (a: LabelledAnswer) => scored.find((s) => s.item === a)?.feedback.words.total ?? 0;
    const sorted = CALIBRATION_SET.map(words).sort((x, y) => x - y);
    const medianWords = sorted[Math.floor(sorted.length / 2)] as number;
    const longWeak = CALIBRATION_SET.filter((a) => a.label === 'weak' && words(a) > medianWords);
    const shortStrong = CALIBRATION_SET.filter((a) => a.label === 'strong' && words(a) < medianWords);
    expect(longWeak.length).toBeGreaterThanOrEqual(5);
    expect(shortStrong.length).toBeGreaterThanOrEqual(5);
  });

  it('is separated by the score with ROC AUC >= 0.9, far better than by length', () => {
    const of = (label: string, value: (f: AnswerFeedback) => number) =>
      scored.filter((s) => s.item.label === label).map((s) => value(s.feedback));
    const strong = of('strong', (f) => f.score);
    const weak = of('weak', (f) => f.score);
    const auc = rocAuc(strong, weak);
    const byLength = rocAuc(
      of('strong', (f) => f.words.total),
      of('weak', (f) => f.words.total),
    );
    console.log(
      `calibration: ROC AUC ${auc.toFixed(3)} over ${scored.length} answers (${strong.length} strong, ${weak.length} weak); ` +
        `strong scores ${Math.min(...strong)}-${Math.max(...strong)}, weak ${Math.min(...weak)}-${Math.max(...weak)}; ` +
        `word count alone would give ${byLength.toFixed(3)}`,
    );
    expect(auc).toBeGreaterThanOrEqual(0.9);
    expect(auc).toBeGreaterThan(byLength + 0.1);
  });

  it('lists the answers the score misorders, for whoever tunes it next', () => {
    const strong = scored.filter((s) => s.item.label === 'strong');
    const weak = scored.filter((s) => s.item.label === 'weak');
    const lowestStrong = Math.min(...strong.map((s) => s.feedback.score));
    const overlaps = weak.filter((w) => w.feedback.score >= lowestStrong);
    for (const w of overlaps)
      console.log(`calibration: weak answer scores ${w.feedback.score}: ${w.item.note}`);
    // Known and accepted: the scorer reads form, not substance (see the hard cases at the end of the set).
    expect(overlaps.length).toBeLessThanOrEqual(3);
  });
});
