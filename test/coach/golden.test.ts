// Golden tests on the feedback TEXT a candidate reads (the thread's glance and the full breakdown), not on
// scores: what the coach must say about an answer and what it must not. The labelled set carries its own
// must / must-not patterns for all 90 answers and the non-English ones (written without reading the coach);
// the cases below add the issue's own examples.

import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { readAnswer } from './feedback-text.ts';
import { LABELLED_SET, NON_ENGLISH } from './labelled/index.ts';
import { shippedBank } from './support.ts';

let bank: QuestionBank;
beforeAll(async () => {
  bank = await shippedBank();
});

/**
 * Held-out answers the coach still gets wrong. They may not be tuned against (labelled/README.md), so they
 * stay here as expected failures: `it.fails` turns red the day they pass, and the list must then shrink.
 * - lead-detailed-1: its outcome ("the pilot team merged twice as many ...") is not read as a measured
 *   result, so the feedback asks to quantify it.
 * - lead-off-topic: a collaboration story told for a leadership question is not flagged as off topic.
 */
const KNOWN_HELD_OUT_MISSES = new Set(['lead-detailed-1', 'lead-off-topic']);

function violations(text: string, golden: { mustSay?: RegExp[]; mustNotSay?: RegExp[] }): string[] {
  const out: string[] = [];
  for (const p of golden.mustSay ?? []) if (!p.test(text)) out.push(`must say ${p}`);
  for (const p of golden.mustNotSay ?? []) {
    const m = p.exec(text);
    if (m) out.push(`must not say ${p}: "…${text.slice(Math.max(0, m.index - 50), m.index + 50)}…"`);
  }
  return out;
}

describe('golden feedback on the labelled set', () => {
  for (const item of LABELLED_SET) {
    const test = KNOWN_HELD_OUT_MISSES.has(item.id) ? it.fails : it;
    test(`${item.id} (${item.label}, ${item.kind})`, () => {
      expect(violations(readAnswer(bank, item).all, item)).toEqual([]);
    });
  }

  it.each(NON_ENGLISH.map((a) => [a.id, a] as const))(
    '%s: says the coach reads English only, no score, no grammar reasons',
    (_, item) => {
      const read = readAnswer(bank, item);
      expect(read.analysis.score).toBeNull();
      expect(read.analysis.checks).toEqual([]);
      expect(violations(read.all, item)).toEqual([]);
    },
  );

  it('lists under What worked only the checks that passed, by name, with nothing said against them', () => {
    for (const item of LABELLED_SET) {
      const { analysis, glance, breakdown } = readAnswer(bank, item);
      const worked = /\*What worked:\* (.+)/.exec(glance)?.[1];
      const passed = analysis.checks.filter((c) => c.passed);
      expect(worked ?? '', item.id).toBe(passed.map((c) => c.label).join(' · '));
      for (const c of passed) {
        // The coach's own words, that is, without the candidate's words it quotes.
        const own = c.why.replace(/'[^']*'/g, "''");
        expect(own, `${item.id} ${c.id}`).not.toMatch(
          /\bbut\b|\bthin\b|\bvague\b|\bmissing\b|\bslips\b|\bnot\b/i,
        );
        // In the breakdown a passed check carries no suggestion arrow.
        const line = breakdown.split('\n').find((l) => l.includes(`*${c.label}* (`)) ?? '';
        expect(line, `${item.id} ${c.id}`).not.toContain('→');
      }
    }
  });
});

const answer = (parts: Partial<StarAnswer>): StarAnswer => ({
  situation:
    'In March our payment service at Acme started failing for about 15% of checkouts during the evening peak.',
  task: 'I was the on-call engineer, so restoring payments was my job.',
  action:
    'I traced the failures in Datadog to the database connection pool, raised the pool size from 20 to 80 and added a circuit breaker around the payment provider. I posted updates in the incident channel every 15 minutes.',
  result:
    'Failed checkouts went from 15% to 0.2% within 40 minutes. I learned to alert on pool saturation, and I added that alert the same week.',
  ...parts,
});

describe('golden feedback on the issue’s own examples', () => {
  const incident = (parts: Partial<StarAnswer>, question = 1) =>
    readAnswer(bank, { topic: 'handling-production-incidents', question, answer: answer(parts) });

  it('"$2M" and "from 20% to 0.1%" are quoted whole', () => {
    const { all } = incident({
      result: 'Checkout errors went from 20% to 0.1%, and the fix saved $2M a year in lost orders.',
    });
    expect(all).toContain("'from 20% to 0.1%'");
    expect(all).toContain("'$2M'");
    expect(all).not.toMatch(/'\$2'|'20%'/);
  });

  it('no reflection credit for "going forward" or "still"; the promise is named as such', () => {
    const { all, analysis } = incident({
      result: 'Failed checkouts went from 15% to 0.2%. Going forward, we are still trying it out.',
    });
    expect(analysis.checks.find((c) => c.id === 'reflection')?.passed).toBe(false);
    expect(all).not.toMatch(/What worked:[^\n]*Reflection/);
    expect(all).toContain("'going forward' promises a change but names no lesson and nothing you changed.");
  });

  it('a 3-hour outage and "six weeks late" are context, not a measured result', () => {
    const { all, analysis } = incident({
      result: 'The outage lasted 3 hours and the launch slipped six weeks late because of marketing.',
    });
    expect(analysis.checks.find((c) => c.id === 'measured')?.passed).toBe(false);
    expect(all).toContain("'six weeks' describes the problem, not a result");
    expect(all).not.toMatch(/Measured: '(3 hours|six weeks)'/);
  });

  it('blame gets a short, kind note on owning the story', () => {
    const { all } = incident({
      result: 'The other team was disorganised, so checkouts failed for another week; it was their fault.',
    });
    expect(all).toMatch(/\*Owns the outcome\* \(0\/\d+\): '.+' puts the outcome on others\./);
    expect(all).toContain('Own the story: say what you did about it');
  });

  it('a four-word Situation is never told to be cut; the five things listed are not vague', () => {
    const { all } = incident({
      situation: 'Checkout failing, Friday evening.',
      action:
        'I checked five things: the Nginx config, the DNS TTL, the TLS certificate, the pool size and the payment provider status page. The pool was exhausted, so I raised it from 20 to 80 and added a circuit breaker.',
    });
    expect(all).not.toMatch(/\b(cut|shorten|trim)\b[^.\n]{0,40}\bSituation\b/i);
    expect(all).not.toMatch(/vague[^.\n]{0,30}'things'/i);
  });

  it('a conditional ("I would decide") is what you would do, never a habit; "how often" is no habit', () => {
    const { all } = incident({
      action:
        'I would decide what to roll back first, and I would check how often the pool ran out. Then I would page the database owner.',
    });
    expect(all).toMatch(/describes? what you would do, not one time/);
    expect(all).not.toMatch(/'[^']*how often[^']*' describes/);
    expect(all).not.toMatch(/describes? a habit/);
  });

  it('a hypothetical answer is told first to tell one real occasion, and scores at most 50', () => {
    const { glance, analysis } = incident({
      situation: 'Outages happen in every company, usually at the worst time.',
      task: 'I would take ownership as the on-call engineer.',
      action: 'I would check the logs first, then I would roll back and I would keep stakeholders updated.',
      result: 'I would make sure service is restored, and I usually write a post-mortem.',
    });
    expect(analysis.score).toBeLessThanOrEqual(50);
    expect(glance).toMatch(/Improve first: Tell one real occasion/);
    expect(glance.split('\n').find((l) => /^1\. /.test(l))).toMatch(/^1\. \*Tell one real occasion/);
  });

  it('a run of fragments is named as a list of claims and capped at 60', () => {
    const { glance, analysis } = incident({
      task: 'I led. I owned it.',
      action: 'I drove it. Fixed the pool. Added alerts. I communicated.',
      result: 'Resulting in a 30% reduction, 45 minutes restoration, 60% fewer incidents.',
    });
    expect(analysis.score).toBeLessThanOrEqual(60);
    expect(glance).toContain('Reads as a list of claims, not what happened');
  });

  it('suggestions draw their examples from the drill’s own topic, never from a fixed set', () => {
    const leadership = readAnswer(bank, {
      topic: 'leadership-in-technical-decision-making',
      question: 3,
      answer: {
        situation: 'A junior engineer on my team was unsure about a lot of things.',
        task: 'I had to help her with stuff.',
        action: 'We talked a lot and did various things together and it was fine.',
        result: 'Things were better after that and everyone was happy.',
      },
    });
    expect(leadership.breakdown).not.toMatch(/Postgres|Grafana|iOS lead/);
    expect(leadership.breakdown).toMatch(
      /as the guide's sample names '(architecture review sessions|decision matrices|[^']+)'/,
    );
  });

  it('the edit delta is in the score line: "up from 62"', () => {
    const { glance } = readAnswer(
      bank,
      { topic: 'handling-production-incidents', question: 1, answer: answer({}) },
      62,
    );
    expect(glance).toMatch(/^Score: \d+\/100, up from 62\./);
  });

  it('everything before the recap fits a glance: at most 1,200 characters, for every labelled answer', () => {
    for (const item of LABELLED_SET) {
      const { glance } = readAnswer(bank, item);
      // The glance text here also holds the notification text (its first line), which Slack does not show.
      const shown = glance.split('\n').slice(1).join('\n');
      expect(shown.length, item.id).toBeLessThanOrEqual(1200);
    }
  });
});
