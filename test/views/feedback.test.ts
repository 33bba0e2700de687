// Bad inputs tried: the five real topics with a short answer; all four parts of 3,000 '&' (15,000 once
// escaped), 3,000 '<', 3,000 emoji, emoji after an odd prefix, '<!channel> ' repeated and 'a&<b' mixed;
// each worst text in one part only (so one part cannot push the others out); multi-line parts with blank
// lines, tabs and surrounding spaces; a synthetic topic whose sample answer parts and follow-ups are 3,000
// characters each and whose follow-up list is 40 long.
import type { KnownBlock, SectionBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { feedbackMessage } from '../../src/views/feedback.ts';
import { HALF_ENTITY, LONE_SURROGATE, messageProblems, RAW_MENTION, WORST_PARTS } from './limits.ts';

let bank: QuestionBank;
let incidents: Topic;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  incidents = bank.topic('handling-production-incidents') as Topic;
});

const ANSWER: StarAnswer = {
  situation: 'Checkout failed for 15% of users at peak.',
  task: 'I was on call.',
  action: 'I raised the pool size and added a circuit breaker.',
  result: 'Back in 45 minutes.',
};

const textOf = (block: KnownBlock | undefined) => (block as SectionBlock).text?.text ?? '';
const recapOf = (blocks: KnownBlock[]) => textOf(blocks[0]);

/** The recap's line for one part ('*Result:* ...'), or undefined when the label is missing. */
function recapLine(recap: string, label: string): string | undefined {
  return recap.split('\n').find((line) => line.startsWith(`*${label}:* `));
}

const LABELS = ['Situation', 'Task', 'Action', 'Result'] as const;

describe('feedbackMessage', () => {
  it('is the recap, a divider, the sample answer part by part, a divider and the follow-ups', () => {
    const m = feedbackMessage(incidents, ANSWER);
    expect(m.blocks.map((b) => b.type)).toEqual([
      'section',
      'divider',
      'section',
      'section',
      'section',
      'section',
      'section',
      'divider',
      'section',
    ]);
    expect(m.text).toBe(
      "Answer saved. The guide's sample answer and follow-up questions for Handling Production Incidents.",
    );
    expect(messageProblems(m)).toEqual([]);
  });

  it('recaps the four parts of the answer, labelled, in STAR order', () => {
    const m = feedbackMessage(incidents, ANSWER);
    expect(recapOf(m.blocks)).toBe(
      [
        ':memo: *Your answer, saved*',
        '*Situation:* Checkout failed for 15% of users at peak.',
        '*Task:* I was on call.',
        '*Action:* I raised the pool size and added a circuit breaker.',
        '*Result:* Back in 45 minutes.',
      ].join('\n'),
    );
  });

  it("shows the guide's sample answer for the topic, each part quoted under its label", () => {
    const m = feedbackMessage(incidents, ANSWER);
    expect(textOf(m.blocks[2])).toBe(
      "*Compare with the guide's sample answer* (Handling Production Incidents)",
    );
    const samples = m.blocks.slice(3, 7).map(textOf);
    expect(samples.map((s) => s.split('\n')[0])).toEqual(['*Situation*', '*Task*', '*Action*', '*Result*']);
    expect(samples[0]).toMatch(
      /^\*Situation\*\n>At my previous company, our payment processing system began failing/,
    );
    expect(samples[1]).toMatch(/^\*Task\*\n>As the lead engineer on call/);
    expect(samples[2]).toMatch(/^\*Action\*\n>I first isolated the problem/);
    expect(samples[3]).toMatch(/^\*Result\*\n>We restored full service within 45 minutes/);
  });

  it('numbers the follow-up questions of the topic', () => {
    const m = feedbackMessage(incidents, ANSWER);
    expect(textOf(m.blocks[8])).toBe(
      [
        '*Follow-up questions to prepare*',
        '1. How did you communicate with stakeholders during the incident?',
        "2. What changes did you make to your team's processes afterward?",
        '3. How did you balance the need for a quick fix versus a proper solution?',
      ].join('\n'),
    );
  });

  it('fits Slack for every topic of the real guide, with its own sample answer as the answer', () => {
    expect(bank.topics).toHaveLength(5);
    for (const topic of bank.topics) {
      const m = feedbackMessage(topic, topic.sampleAnswer);
      expect(messageProblems(m), topic.slug).toEqual([]);
      for (const label of LABELS)
        expect(recapLine(recapOf(m.blocks), label), `${topic.slug} ${label}`).toBeDefined();
    }
  });

  it('shows each part on one line: newlines, tabs and runs of spaces become one space, ends trimmed', () => {
    const m = feedbackMessage(incidents, {
      situation: '  First line.\n\nSecond line.  ',
      task: 'a\tb\r\nc',
      action: '\n\nI did it.\n',
      result: 'x      y',
    });
    expect(recapOf(m.blocks).split('\n').slice(1)).toEqual([
      '*Situation:* First line. Second line.',
      '*Task:* a b c',
      '*Action:* I did it.',
      '*Result:* x y',
    ]);
  });

  it('escapes mentions and links the user typed', () => {
    const m = feedbackMessage(incidents, {
      situation: 'Told <!channel> & <@U0BOSS>',
      task: '<https://evil.example|click>',
      action: '<!here>',
      result: 'a > b',
    });
    expect(recapOf(m.blocks).split('\n').slice(1)).toEqual([
      '*Situation:* Told &lt;!channel&gt; &amp; &lt;@U0BOSS&gt;',
      '*Task:* &lt;https://evil.example|click&gt;',
      '*Action:* &lt;!here&gt;',
      '*Result:* a &gt; b',
    ]);
  });

  describe('worst inputs', () => {
    it.each(Object.entries(WORST_PARTS))(
      'all four parts of %s: one valid section, every part labelled, clipped whole, escaped',
      (_name, text) => {
        const m = feedbackMessage(incidents, { situation: text, task: text, action: text, result: text });
        expect(messageProblems(m)).toEqual([]);
        const recap = recapOf(m.blocks);
        expect(recap.length).toBeLessThanOrEqual(3000);
        expect(recap).not.toMatch(RAW_MENTION);
        for (const label of LABELS) {
          const line = recapLine(recap, label);
          expect(line, label).toBeDefined();
          // Each part shows something of the user's text and says it was cut.
          expect(line?.length, label).toBeGreaterThan(`*${label}:* `.length + 100);
          expect(line?.endsWith('…'), label).toBe(true);
          expect(line).not.toMatch(LONE_SURROGATE);
          expect(line).not.toMatch(HALF_ENTITY);
        }
      },
    );

    it('all four parts of 3,000 "&": the Result line is there, complete', () => {
      const amp = '&'.repeat(3000);
      const recap = recapOf(
        feedbackMessage(incidents, { situation: amp, task: amp, action: amp, result: amp }).blocks,
      );
      const result = recapLine(recap, 'Result');
      expect(result).toMatch(/^\*Result:\* (&amp;)+…$/);
      expect(recap.endsWith('…')).toBe(true);
      expect(recap.split('\n')).toHaveLength(5);
    });

    it.each(LABELS)('a worst %s alone does not push the other parts out', (label) => {
      const shortLines: Record<(typeof LABELS)[number], string> = {
        Situation: '*Situation:* Checkout failed for 15% of users at peak.',
        Task: '*Task:* I was on call.',
        Action: '*Action:* I raised the pool size and added a circuit breaker.',
        Result: '*Result:* Back in 45 minutes.',
      };
      const answer = { ...ANSWER, [label.toLowerCase()]: '&'.repeat(3000) } as StarAnswer;
      const recap = recapOf(feedbackMessage(incidents, answer).blocks);
      for (const l of LABELS) {
        if (l === label) expect(recapLine(recap, l)).toMatch(new RegExp(`^\\*${l}:\\* (&amp;)+…$`));
        else expect(recapLine(recap, l)).toBe(shortLines[l]);
      }
    });

    it('a topic with 3,000-character sample parts and 40 long follow-ups still fits', () => {
      const huge: Topic = {
        ...incidents,
        title: 'Huge',
        sampleAnswer: {
          situation: '😀'.repeat(1500),
          task: `x${'😀'.repeat(1499)}`,
          action: 'line\n'.repeat(600).trim(),
          result: 'r'.repeat(3000),
        },
        followUps: Array.from({ length: 40 }, (_, i) => `Follow-up ${i + 1}: ${'q'.repeat(200)}?`),
      };
      const m = feedbackMessage(huge, ANSWER);
      expect(messageProblems(m)).toEqual([]);
      expect(m.blocks.slice(3, 7).map((b) => textOf(b).split('\n')[0])).toEqual([
        '*Situation*',
        '*Task*',
        '*Action*',
        '*Result*',
      ]);
      expect(textOf(m.blocks[8])).toMatch(/^\*Follow-up questions to prepare\*\n1\. Follow-up 1: /);
    });
  });
});
