import { describe, expect, it } from 'vitest';
import { assessMeasured } from '../../../src/coach/checks/measured.ts';
import { findMeasures } from '../../../src/coach/checks/measures.ts';
import { read } from '../../../src/coach/reading.ts';

const measures = (text: string) => findMeasures(read(text)).map((m) => [m.kind, m.text]);

describe('findMeasures: what counts as a measure of an outcome', () => {
  it.each([
    ['I reduced p99 latency from 900 ms to 120 ms.', 'before-after', 'from 900 ms to 120 ms'],
    ['Deploys went from 4 hours to 20 minutes.', 'before-after', 'from 4 hours to 20 minutes'],
    [
      'Our error rate went down from twenty percent to one percent.',
      'before-after',
      'from twenty percent to one percent',
    ],
    ['We restored service within 45 minutes.', 'duration', '45 minutes'],
    ['It cut the bill by 30%.', 'percent', '30%'],
    ['It saves $20,000 a year.', 'money', '$20,000'],
    ['The pipeline processed over 10,000 events per second.', 'count', '10,000 events'],
    ['It scaled to three new regions.', 'count', 'three new regions'],
    ['We had zero incidents since.', 'count', 'zero incidents'],
    ['We onboarded 40 engineers.', 'count', '40 engineers'],
  ])('%s -> %s %s', (text, kind, quoted) => {
    expect(measures(text)).toEqual([[kind, quoted]]);
  });

  it.each([
    ['I cut build time by half.', 'half'],
    ['Cut costs by a third.', 'third'],
    ['The new parser was three times faster.', 'three times faster'],
    ['We halved the cost.', 'halved'],
    ['We doubled the throughput.', 'doubled'],
    ['It handled twice as many requests.', 'twice'],
    ['Latency dropped 10x.', '10x'],
  ])('numbers as words: %s -> %s', (text, quoted) => {
    expect(measures(text)).toEqual([['multiplier', quoted]]);
  });

  it.each([
    ['I led a team of 5.', 'team size'],
    ['I joined a 5-person team.', 'team size'],
    ['We were 4 engineers on the team.', 'team size'],
    ['In 2021 we migrated the billing service.', 'a year'],
    ['I closed JIRA-1234.', 'a ticket'],
    ['Ticket #553 was closed in Q3 2022.', 'a ticket, a quarter and a year'],
    ['We shipped version 2.3.1.', 'a version'],
    ['We shipped v2.1 in sprint 4.', 'a version and a sprint'],
    ['Over six months, the team grew.', 'a timeframe, not an outcome'],
    ['It was fixed on 3 June.', 'a date'],
    ['One junior developer went on to lead it.', '"one" as a determiner'],
    ['I did the work twice.', 'repetition, not a multiplier'],
    ['In the first half of the year we hired.', 'a position in time'],
    ['Full search came a quarter later.', 'a span of time'],
  ])('%s measures nothing (%s)', (text) => {
    expect(measures(text)).toEqual([]);
  });
});

describe('assessMeasured', () => {
  const assess = (result: string, action = '') =>
    assessMeasured({ result: read(result), action: read(action), partName: 'Result' });

  it('passes with full marks for two measures, quoting them', () => {
    const a = assess('We restored service within 45 minutes and cut database load by 30%.');
    expect(a).toMatchObject({ passed: true, fraction: 1 });
    expect(a.why).toBe("Measured: '45 minutes' and '30%'.");
  });

  it('counts a before/after comparison as strong evidence on its own', () => {
    expect(assess('p99 latency went from 900 ms to 120 ms.')).toMatchObject({ passed: true, fraction: 1 });
  });

  it('passes with less for one measure, and asks for a second', () => {
    const a = assess('Checkout was back within 25 minutes.');
    expect(a).toMatchObject({ passed: true, fraction: 0.8 });
    expect(a.suggestion).toMatch(/before and after/);
  });

  it('accepts a verifiable outcome without a number, for partial credit', () => {
    const a = assess('We launched on schedule with every core feature.');
    expect(a).toMatchObject({ passed: true, fraction: 0.65 });
    expect(a.why).toContain("'on schedule'");
  });

  it('fails an outcome that promises a number it does not give, quoting the words', () => {
    const a = assess('Performance improved significantly and everyone was happy.');
    expect(a.passed).toBe(false);
    expect(a.why).toBe(
      "Your Result says 'Performance improved significantly and everyone was happy' but not by how much.",
    );
  });

  it('does not credit a duration of the problem, a delay or a claim with no subject as a result', () => {
    const context = assess('The outage lasted 3 hours and we launched six weeks late because of marketing.');
    expect(context.passed).toBe(false);
    expect(context.why).toContain("'six weeks' describes the problem, not a result");
    const claim = assess('This resulted in a 35% improvement and 2x faster delivery.');
    expect(claim.passed).toBe(false);
    expect(claim.why).toContain("'35%' and '2x' does not say what changed");
  });

  it('quotes amounts whole: "$2M", "from 20% to 0.1%"', () => {
    expect(assess('The migration cut licence costs by $2M a year.').why).toBe("Measured: '$2M'.");
    expect(assess('Checkout errors went from 20% to 0.1%.').why).toBe("Measured: 'from 20% to 0.1%'.");
  });

  it('fails a Result whose only numbers measure nothing', () => {
    const a = assess('In 2021 the team of 5 closed JIRA-1234.');
    expect(a).toMatchObject({ passed: false, fraction: 0 });
  });

  it('gives some credit when the numbers are in the Action but not the Result', () => {
    const a = assess('It worked.', 'I raised the pool size from 20 to 80 connections.');
    expect(a).toMatchObject({ passed: false, fraction: 0.35 });
    expect(a.why).toContain("'from 20 to 80 connections'");
  });

  it('fails an empty Result without crashing', () => {
    expect(assess('')).toMatchObject({ passed: false, fraction: 0, why: 'Your Result is empty.' });
  });
});
