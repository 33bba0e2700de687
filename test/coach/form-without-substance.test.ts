// Form without substance does not pay: one appended sentence of claims lifts no weak answer by more than 8
// points, and a strong answer with its words shuffled loses at least 25. Over every weak and every strong
// answer of both labelled sets, so no single lucky example carries the claim.

import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { type AnswerContext, analyseAnswer } from '../../src/coach/analyse.ts';
import { STAR_PARTS, type StarAnswer } from '../../src/drills/star-answer.ts';
import { CALIBRATION_SET, type LabelledAnswer } from './calibration-set.ts';
import { LABELLED_SET } from './labelled/index.ts';
import { shippedBank, topicOf } from './support.ts';

/** The sentence: numbers, an outcome verb, a lesson and "since then", all claims. */
const STUFFING =
  'This resulted in a 35% improvement and 2x faster delivery. I learned a lot, and since then I apply this going forward.';

let bank: QuestionBank;
beforeAll(async () => {
  bank = await shippedBank();
});

const ALL: readonly LabelledAnswer[] = [...LABELLED_SET, ...CALIBRATION_SET];
const nameOf = (a: LabelledAnswer) => ('id' in a ? String(a.id) : a.note);

function contextOf(item: LabelledAnswer): AnswerContext {
  const topic = topicOf(bank, item.topic);
  return {
    topic,
    questionText: topic.questions[item.question - 1]?.text ?? '',
    strategies: bank.strategies,
    otherTopics: bank.topics,
  };
}

const score = (answer: StarAnswer, item: LabelledAnswer) => analyseAnswer(answer, contextOf(item)).score ?? 0;

/** A fixed shuffle (a linear congruential generator), so a failure can be reproduced. */
function shuffleWords(text: string, seed: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  let s = seed;
  for (let i = words.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [words[i], words[j]] = [words[j] as string, words[i] as string];
  }
  return words.join(' ');
}

describe('form without substance', () => {
  it('one appended sentence of claims raises no weak answer by more than 8 points', () => {
    const rises = ALL.filter((a) => a.label === 'weak').map((item) => {
      const before = score(item.answer, item);
      const after = score({ ...item.answer, result: `${item.answer.result} ${STUFFING}` }, item);
      return { name: nameOf(item), before, after, rise: after - before };
    });
    const worst = rises.reduce((a, b) => (b.rise > a.rise ? b : a));
    console.log(
      `stuffing: ${rises.length} weak answers, largest rise ${worst.rise} (${worst.name}: ${worst.before} -> ${worst.after}), ` +
        `mean ${(rises.reduce((n, r) => n + r.rise, 0) / rises.length).toFixed(1)}`,
    );
    for (const r of rises) expect(r.rise, r.name).toBeLessThanOrEqual(8);
  });

  it('a strong answer with its words shuffled loses at least 25 points', () => {
    const drops = ALL.filter((a) => a.label === 'strong').map((item) => {
      const before = score(item.answer, item);
      const shuffled = Object.fromEntries(
        STAR_PARTS.map((p, i) => [p, shuffleWords(item.answer[p], 7 + i)]),
      ) as StarAnswer;
      const after = score(shuffled, item);
      return { name: nameOf(item), before, after, drop: before - after };
    });
    const least = drops.reduce((a, b) => (b.drop < a.drop ? b : a));
    console.log(
      `shuffle: ${drops.length} strong answers, smallest loss ${least.drop} (${least.name}: ${least.before} -> ${least.after}), ` +
        `mean ${(drops.reduce((n, r) => n + r.drop, 0) / drops.length).toFixed(1)}`,
    );
    for (const d of drops) expect(d.drop, d.name).toBeGreaterThanOrEqual(25);
  });
});
