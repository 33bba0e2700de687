// Long histories that tests and benchmarks both use: the progress tests check what the export and the streak
// make of them, bench/progress-cost.ts times the same calls (a speed target is a benchmark, not a test).
import type { ExportDrill } from '../src/progress/export.ts';

const part = (i: number, name: string) =>
  `${name} ${i}: ${'lorem ipsum dolor sit amet '.repeat(18)}`.slice(0, 500);

/** 1,000 drills a day apart from 2023-01-01, each answered with four parts of 500 characters and one follow-up. */
export const THOUSAND_ANSWERED_DRILLS: readonly ExportDrill[] = Array.from({ length: 1000 }, (_, i) => ({
  topicTitle: `Topic ${i % 7}`,
  questionText: `Question number ${i}?`,
  askedAt: new Date(Date.parse('2023-01-01T14:00:00Z') + i * 86_400_000),
  answer: {
    parts: { situation: part(i, 's'), task: part(i, 't'), action: part(i, 'a'), result: part(i, 'r') },
    answeredAt: new Date(Date.parse('2023-01-01T15:00:00Z') + i * 86_400_000),
    score: i % 101,
    rating: 'hard',
    followUps: [{ question: 'Why?', answer: part(i, 'f') }],
  },
}));

/** An answer at 15:00 UTC every day of 2025 but 4 July: 364 answers, a gap in the middle. */
export const YEAR_OF_DAILY_ANSWERS: readonly Date[] = (() => {
  const answeredAt: Date[] = [];
  for (let t = Date.parse('2025-01-01T15:00:00Z'); t < Date.parse('2026-01-01T00:00:00Z'); t += 86_400_000)
    if (!new Date(t).toISOString().startsWith('2025-07-04')) answeredAt.push(new Date(t));
  return answeredAt;
})();
