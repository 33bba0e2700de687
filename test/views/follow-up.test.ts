// The follow-up modal and its feedback reply (src/views/follow-up.ts), by structure: ids, metadata, fields
// and what each says. Bad inputs tried: metadata that is not "<drill id>:<number>" (empty, letters, extra
// parts, a 10-digit id, a 3-digit number); a question and topic full of mrkdwn control characters and a
// mention; a question and checks far over Slack's text limits; an answer of the longest allowed length.
import type { InputBlock, PlainTextInput, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { CheckResult, FollowUpFeedback } from '../../src/coach/types.ts';
import { MAX_PART_CHARS } from '../../src/drills/star-answer.ts';
import {
  followUpFeedbackMessage,
  followUpMetadata,
  followUpModal,
  parseFollowUpMetadata,
} from '../../src/views/follow-up.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP, VIEW_FOLLOW_UP } from '../../src/views/ids.ts';
import { messageProblems, modalProblems, RAW_MENTION, shownText, WORST_PARTS } from './limits.ts';

const INPUT = {
  drillId: 42,
  number: 2,
  question: 'How did you decide what to fix first?',
  topicTitle: 'Production Incidents',
};

const inputOf = (blocks: unknown[]) => blocks.find((b) => (b as InputBlock).type === 'input') as InputBlock;

function check(over: Partial<CheckResult> = {}): CheckResult {
  return {
    id: 'specific',
    label: 'Specific',
    passed: true,
    points: 10,
    maxPoints: 10,
    why: 'You named the service and the hour.',
    suggestion: 'Keep naming them.',
    ...over,
  };
}

function feedback(checks: CheckResult[], score = 70): FollowUpFeedback {
  return { score, checks, words: 40, speakingSeconds: 16 };
}

describe('followUpModal', () => {
  it('is the follow-up view: its callback, ids that travel as metadata, one multiline answer field', () => {
    const view = followUpModal(INPUT);
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(VIEW_FOLLOW_UP);
    expect(view.private_metadata).toBe('42:2');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Practise a follow-up' });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Save answer' });
    expect(view.close).toEqual({ type: 'plain_text', text: 'Cancel' });
    expect(view.blocks.map((b) => b.type)).toEqual(['section', 'context', 'input']);
    const input = inputOf(view.blocks);
    expect(input.block_id).toBe(BLOCK_FOLLOW_UP);
    expect(input.label).toEqual({ type: 'plain_text', text: 'Your answer' });
    const element = input.element as PlainTextInput;
    expect(element).toEqual({
      type: 'plain_text_input',
      action_id: ACTION_STAR_INPUT,
      multiline: true,
      max_length: MAX_PART_CHARS,
    });
    expect(shownText(view.blocks)).toBe(
      [
        '*How did you decide what to fix first?*',
        'Follow-up 2 · Production Incidents. Answer as you would out loud: what you did, in the first person, with a number if there is one.',
        'Your answer',
      ].join('\n'),
    );
    expect(modalProblems(view)).toEqual([]);
  });

  it('practised again: the stored answer fills the field and the button says it saves changes', () => {
    const answer = 'I paged the owner, rolled back in 4 minutes and wrote the runbook.';
    const view = followUpModal({ ...INPUT, answer });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Save changes' });
    expect((inputOf(view.blocks).element as PlainTextInput).initial_value).toBe(answer);
    expect(modalProblems(view)).toEqual([]);
  });

  it('an answer of the longest allowed length is shown whole', () => {
    const answer = 'x'.repeat(MAX_PART_CHARS);
    const view = followUpModal({ ...INPUT, answer });
    expect((inputOf(view.blocks).element as PlainTextInput).initial_value).toBe(answer);
    expect(modalProblems(view)).toEqual([]);
  });

  it('escapes the question and topic: no formatting, link or mention comes from the guide text', () => {
    const view = followUpModal({
      ...INPUT,
      question: '<!channel> *bold* & <https://x|y>',
      topicTitle: 'A & <B>',
    });
    const text = shownText(view.blocks);
    expect(text).not.toMatch(RAW_MENTION);
    expect(text).toContain('*&lt;!channel&gt; *bold* &amp; &lt;https://x|y&gt;*');
    expect(text).toContain('Follow-up 2 · A &amp; &lt;B&gt;.');
    expect(modalProblems(view)).toEqual([]);
  });

  it.each(Object.entries(WORST_PARTS))(
    'a question of the worst kind (%s) stays within Slack limits',
    (_, worst) => {
      const view = followUpModal({ ...INPUT, question: worst, topicTitle: worst });
      expect(modalProblems(view)).toEqual([]);
    },
  );
});

describe('follow-up metadata', () => {
  it('round-trips the drill id and the follow-up number', () => {
    expect(parseFollowUpMetadata(followUpMetadata(123456789, 3))).toEqual({
      drillId: '123456789',
      number: 3,
    });
  });

  it.each(['', '42', '42:', ':2', 'a:2', '42:b', '42:2:1', '1234567890:1', '42:100', ' 42:2'])(
    'refuses %j',
    (raw) => {
      expect(parseFollowUpMetadata(raw)).toBeUndefined();
    },
  );
});

describe('followUpFeedbackMessage', () => {
  it('says the score, then each check: passed with why, failed with why and a suggestion, and the strategy', () => {
    const m = followUpFeedbackMessage({
      number: 1,
      question: 'What would you do differently?',
      feedback: feedback([
        check(),
        check({
          id: 'measured',
          label: 'Result is measured',
          passed: false,
          why: 'No number says how much better it got.',
          suggestion: 'Say what changed, with a number: "errors fell from 40 to 2 a day".',
          strategy: { number: 3, title: 'Quantify Impact' },
        }),
      ]),
    });
    expect(m.text).toBe('Follow-up 1 answered. Score: 70/100.');
    expect(m.blocks.map((b) => b.type)).toEqual(['section', 'section', 'section']);
    expect((m.blocks[0] as SectionBlock).text?.text).toBe(
      ':speech_balloon: *Follow-up 1: What would you do differently?*\n*Score: 70/100*',
    );
    // The glance (views/feedback-summary.ts): what to improve first, with why and one suggestion and its
    // strategy; then what worked in one line, by name only (a passed check never carries a criticism).
    const improve = (m.blocks[1] as SectionBlock).text?.text ?? '';
    expect(improve).toContain('Result is measured');
    expect(improve).toContain('No number says how much better it got.');
    expect(improve).toContain('Say what changed, with a number: "errors fell from 40 to 2 a day".');
    expect(improve).toContain('Quantify Impact');
    expect(improve).not.toContain('Specific');
    const worked = (m.blocks[2] as SectionBlock).text?.text ?? '';
    expect(worked).toContain('Specific');
    expect(worked).not.toContain('You named the service and the hour.');
    expect(worked).not.toContain('Result is measured');
    expect(messageProblems(m)).toEqual([]);
  });

  it.each([
    [55, 'Score: 70/100, up from 55'],
    [70, 'Score: 70/100, same as last time'],
    [90, 'Score: 70/100, down from 90'],
    [null, 'Score: 70/100'],
  ])('edited after a score of %j: "%s"', (previousScore, line) => {
    const m = followUpFeedbackMessage({
      number: 3,
      question: 'Q',
      feedback: feedback([check()]),
      previousScore,
    });
    expect(m.text).toBe(`Follow-up 3 answered. ${line}.`);
    expect(shownText(m.blocks)).toContain(`*${line}*`);
  });

  it('escapes the question and what the checks quote, and clips them within Slack limits', () => {
    const long = '<!here> & '.repeat(400);
    const m = followUpFeedbackMessage({
      number: 2,
      question: long,
      feedback: feedback([
        check({ why: long, suggestion: long }),
        check({ passed: false, why: long, suggestion: long }),
      ]),
    });
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
    expect(messageProblems(m)).toEqual([]);
  });
});
