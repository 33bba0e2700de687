// How well the score separates strong answers from weak ones (ROC AUC), on the labelled set written without
// reading the coach (test/coach/labelled: tuned on its tuning part, the held-out fifth only reported) and on
// the older calibration set. Prints each check's own AUC, which is what the weights in score.ts follow.

import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { analyseAnswer } from '../../src/coach/analyse.ts';
import { WEIGHT_FLOOR, WEIGHTS } from '../../src/coach/score.ts';
import type { AnswerFeedback } from '../../src/coach/types.ts';
import { CHECK_IDS, type CheckId } from '../../src/coach/types.ts';
import { CALIBRATION_SET, type LabelledAnswer } from './calibration-set.ts';
import { HELD_OUT, LABELLED_SET, TUNING_SET } from './labelled/index.ts';
import { rocAuc } from './roc-auc.ts';
import { shippedBank, topicOf } from './support.ts';

let bank: QuestionBank;
const scored = new Map<LabelledAnswer, AnswerFeedback>();

beforeAll(async () => {
  bank = await shippedBank();
  for (const item of [...LABELLED_SET, ...CALIBRATION_SET]) {
    const topic = topicOf(bank, item.topic);
    const question = topic.questions[item.question - 1];
    if (question === undefined) throw new Error(`${item.topic} has no question ${item.question}`);
    scored.set(
      item,
      analyseAnswer(item.answer, {
        topic,
        questionText: question.text,
        strategies: bank.strategies,
        otherTopics: bank.topics,
      }),
    );
  }
});

function feedbackOf(item: LabelledAnswer): AnswerFeedback {
  const f = scored.get(item);
  if (!f) throw new Error(`not scored: ${item.note}`);
  return f;
}

function aucOf(set: readonly LabelledAnswer[], value: (f: AnswerFeedback) => number): number {
  const of = (label: string) => set.filter((a) => a.label === label).map((a) => value(feedbackOf(a)));
  return rocAuc(of('strong'), of('weak'));
}

const scoreOf = (f: AnswerFeedback) => f.score ?? Number.NaN;
const checkFraction = (id: CheckId) => (f: AnswerFeedback) => {
  const c = f.checks.find((x) => x.id === id);
  return c ? c.points / c.maxPoints : 0;
};

describe('the labelled set (test/coach/labelled)', () => {
  it('is at least 80 hard answers, a fifth held out, stuffed and off-topic kinds in the held-out part', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(80);
    expect(HELD_OUT.length).toBe(LABELLED_SET.length / 5);
    const kinds = new Set(HELD_OUT.map((a) => a.kind));
    expect(kinds).toContain('stuffed-claims');
    expect(kinds).toContain('off-topic');
    for (const a of LABELLED_SET) expect(scoreOf(feedbackOf(a)), a.id).not.toBeNaN();
  });

  it('each check’s own AUC on the tuning part sets its weight: a floor, the rest by (AUC - 0.5)', () => {
    const aucs = Object.fromEntries(
      CHECK_IDS.map((id) => [id, aucOf(TUNING_SET, checkFraction(id))]),
    ) as Record<CheckId, number>;
    const above = CHECK_IDS.map((id) => Math.max(0, aucs[id] - 0.5));
    const total = above.reduce((n, x) => n + x, 0);
    const spare = 100 - WEIGHT_FLOOR * CHECK_IDS.length;
    CHECK_IDS.forEach((id, k) => {
      const rule = WEIGHT_FLOOR + (spare * (above[k] ?? 0)) / total;
      console.log(
        `calibration: check ${id.padEnd(10)} AUC ${aucs[id].toFixed(3)} (tuning part) -> weight by the rule ${rule.toFixed(1)}, shipped ${WEIGHTS[id]}`,
      );
      expect(Math.abs(WEIGHTS[id] - rule), id).toBeLessThanOrEqual(2);
    });
    expect(Object.values(WEIGHTS).reduce((n, w) => n + w, 0)).toBe(100);
  });

  it('separates strong from weak with ROC AUC >= 0.9 on the tuning part and on the held-out fifth', () => {
    const tuning = aucOf(TUNING_SET, scoreOf);
    const heldOut = aucOf(HELD_OUT, scoreOf);
    const byLength = aucOf(LABELLED_SET, (f) => f.words.total);
    const range = (label: string, set: readonly LabelledAnswer[]) => {
      const s = set.filter((a) => a.label === label).map((a) => scoreOf(feedbackOf(a)));
      return `${Math.min(...s)}-${Math.max(...s)}`;
    };
    console.log(
      `calibration: labelled set ROC AUC ${tuning.toFixed(3)} on the tuning part (${TUNING_SET.length} answers), ` +
        `${heldOut.toFixed(3)} held out (${HELD_OUT.length}); held-out strong ${range('strong', HELD_OUT)}, weak ${range('weak', HELD_OUT)}; ` +
        `word count alone ${byLength.toFixed(3)}`,
    );
    expect(tuning).toBeGreaterThanOrEqual(0.9);
    expect(heldOut).toBeGreaterThanOrEqual(0.9);
  });

  it('caps what interviewers reject outright: hypothetical <= 50, off-topic <= 55, stuffed claims <= 60', () => {
    const caps = { hypothetical: 50, 'off-topic': 55, 'stuffed-claims': 60 } as Record<string, number>;
    for (const a of TUNING_SET) {
      const max = caps[a.kind];
      if (max !== undefined) expect(scoreOf(feedbackOf(a)), a.id).toBeLessThanOrEqual(max);
    }
  });

  it('lists the answers the score misorders, for whoever tunes it next', () => {
    const strong = LABELLED_SET.filter((a) => a.label === 'strong');
    const lowestStrong = Math.min(...strong.map((a) => scoreOf(feedbackOf(a))));
    for (const w of LABELLED_SET.filter((a) => a.label === 'weak' && scoreOf(feedbackOf(a)) >= lowestStrong))
      console.log(
        `calibration: weak ${w.kind} answer ${w.id}${w.heldOut ? ' (held out)' : ''} scores ${scoreOf(feedbackOf(w))}, above the lowest strong (${lowestStrong})`,
      );
  });
});

describe('the older calibration set (test/coach/calibration-set.ts)', () => {
  it('is still separated with ROC AUC >= 0.9, far better than by length', () => {
    const auc = aucOf(CALIBRATION_SET, scoreOf);
    const byLength = aucOf(CALIBRATION_SET, (f) => f.words.total);
    console.log(
      `calibration: older set ROC AUC ${auc.toFixed(3)} over ${CALIBRATION_SET.length} answers; word count alone ${byLength.toFixed(3)}`,
    );
    expect(auc).toBeGreaterThanOrEqual(0.9);
    expect(auc).toBeGreaterThan(byLength + 0.1);
  });
});
