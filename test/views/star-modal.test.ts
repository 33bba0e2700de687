// Bad inputs tried: every question of the real guide, new and edited; a stored answer whose parts are
// 3,000 emoji (6,000 UTF-16 units, 3,000 characters), 3,000 '&', 3,000 '<' and '<!channel> ' repeated; a
// question and topic title of the same worst texts; drill ids 1 and 999999999; notice titles of 25 ASCII
// characters, of emoji at both parities of the 24-unit cut, and a notice text of 5,000 characters.
import type { InputBlock, KnownBlock, ModalView, PlainTextInput } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { type StarAnswer, validateStarAnswer } from '../../src/drills/star-answer.ts';
import { starSubmissionSchema } from '../../src/slack/parse-payloads.ts';
import { ACTION_STAR_INPUT, VIEW_NOTICE, VIEW_STAR_ANSWER } from '../../src/views/ids.ts';
import { noticeModal, starModal } from '../../src/views/star-modal.ts';
import { LONE_SURROGATE, modalProblems, RAW_MENTION, shownText, WORST_PARTS } from './limits.ts';

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
});

const QUESTION = 'Describe how you approach debugging a complex system failure.';
const TITLE = 'Handling Production Incidents';
const ANSWER: StarAnswer = {
  situation: 'Checkout failed for 15% of users at peak.',
  task: 'I was on call and had to restore service.',
  action: 'I found the exhausted connection pool and raised it, then added a circuit breaker.',
  result: 'Service was back in 45 minutes; errors fell to 0.1%.',
};

// Written out: the block_ids the submit listener reads (state.values[part]) and the labels users see.
const PARTS = [
  { blockId: 'situation', label: 'Situation' },
  { blockId: 'task', label: 'Task' },
  { blockId: 'action', label: 'Action' },
  { blockId: 'result', label: 'Result' },
] as const;

function inputsOf(view: ModalView): InputBlock[] {
  return view.blocks.filter((b): b is InputBlock => b.type === 'input');
}

function elementOf(block: InputBlock): PlainTextInput {
  expect(block.element.type).toBe('plain_text_input');
  return block.element as PlainTextInput;
}

/** What Slack sends on submit when the user leaves every input as it is. */
function submissionOf(view: ModalView) {
  const values: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of inputsOf(view)) {
    const element = elementOf(block);
    values[block.block_id as string] = {
      [element.action_id as string]: { type: 'plain_text_input', value: element.initial_value ?? null },
    };
  }
  return {
    type: 'view_submission',
    user: { id: 'U0OWNER' },
    view: {
      id: 'V0MODAL',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
    },
  };
}

describe('starModal', () => {
  it('a new answer: callback id, drill id only as metadata, titles within 24 characters', () => {
    const view = starModal({ drillId: 42, topicTitle: TITLE, questionText: QUESTION });
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(VIEW_STAR_ANSWER);
    expect(view.private_metadata).toBe('42');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Answer with STAR' });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Save answer' });
    expect(view.close).toEqual({ type: 'plain_text', text: 'Cancel' });
    for (const t of [view.title, view.submit, view.close]) expect(t?.text.length).toBeLessThanOrEqual(24);
    expect(modalProblems(view)).toEqual([]);
  });

  it('shows the question in bold and the topic as context above the four inputs', () => {
    const view = starModal({ drillId: 42, topicTitle: TITLE, questionText: QUESTION });
    expect(view.blocks.map((b) => b.type)).toEqual([
      'section',
      'context',
      'input',
      'input',
      'input',
      'input',
    ]);
    expect(view.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${QUESTION}*` } });
    expect(view.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: TITLE }] });
  });

  it('has one multiline input per STAR part: block_id the part, the shared action_id, max 3000, label, hint', () => {
    const view = starModal({ drillId: 42, topicTitle: TITLE, questionText: QUESTION });
    const inputs = inputsOf(view);
    expect(inputs.map((b) => b.block_id)).toEqual(PARTS.map((p) => p.blockId));
    expect(inputs.map((b) => b.label)).toEqual(PARTS.map((p) => ({ type: 'plain_text', text: p.label })));
    const hints = inputs.map((b) => b.hint?.text ?? '');
    for (const hint of hints) {
      expect(hint.trim().length).toBeGreaterThan(20);
      expect(hint.length).toBeLessThanOrEqual(2000);
    }
    expect(new Set(hints).size).toBe(4);
    // The result hint carries the guide's "Quantify your impact" strategy; the action hint asks for "I".
    expect(hints[3]).toMatch(/quantify/i);
    expect(hints[2]).toContain('"I"');
    for (const block of inputs) {
      const element = elementOf(block);
      expect(element.action_id).toBe(ACTION_STAR_INPUT);
      expect(element.multiline).toBe(true);
      expect(element.max_length).toBe(3000);
      expect(element).not.toHaveProperty('initial_value');
      expect(block.optional ?? false).toBe(false);
    }
  });

  it('when editing: the stored parts as initial values, and edit wording', () => {
    const view = starModal({ drillId: 7, topicTitle: TITLE, questionText: QUESTION, answer: ANSWER });
    expect(view.private_metadata).toBe('7');
    expect(view.title?.text).toBe('Edit your answer');
    expect(view.submit?.text).toBe('Save changes');
    expect(view.close?.text).toBe('Cancel');
    expect(inputsOf(view).map((b) => elementOf(b).initial_value)).toEqual([
      'Checkout failed for 15% of users at peak.',
      'I was on call and had to restore service.',
      'I found the exhausted connection pool and raised it, then added a circuit breaker.',
      'Service was back in 45 minutes; errors fell to 0.1%.',
    ]);
    expect(modalProblems(view)).toEqual([]);
  });

  it('a pre-filled modal submitted unchanged passes the payload gate and validates to the same answer', () => {
    const view = starModal({ drillId: 7, topicTitle: TITLE, questionText: QUESTION, answer: ANSWER });
    const parsed = starSubmissionSchema.safeParse(submissionOf(view));
    expect(parsed.success).toBe(true);
    const values = parsed.data?.view.state.values ?? {};
    // Read as the submit listener does: state.values[part][ACTION_STAR_INPUT].value.
    const read = Object.fromEntries(
      PARTS.map((p) => [p.blockId, values[p.blockId]?.[ACTION_STAR_INPUT]?.value]),
    );
    expect(validateStarAnswer(read)).toEqual({ ok: true, answer: ANSWER });
    expect(parsed.data?.view.private_metadata).toBe('7');
  });

  it('fits Slack for every question of the real guide, new and edited', () => {
    for (const topic of bank.topics) {
      for (const q of topic.questions) {
        for (const answer of [undefined, topic.sampleAnswer]) {
          const view = starModal({
            drillId: 999_999_999,
            topicTitle: topic.title,
            questionText: q.text,
            answer,
          });
          expect(modalProblems(view), `${topic.slug} q${q.number}`).toEqual([]);
          expect(shownText(view.blocks)).toContain(q.text);
        }
      }
    }
  });

  describe('worst inputs', () => {
    it.each(Object.entries(WORST_PARTS))(
      'an answer of %s comes back whole, never clipped or escaped, within max_length in characters',
      (_name, text) => {
        const answer = { situation: text, task: text, action: text, result: text };
        const view = starModal({ drillId: 42, topicTitle: TITLE, questionText: QUESTION, answer });
        expect(modalProblems(view)).toEqual([]);
        for (const block of inputsOf(view)) {
          const element = elementOf(block);
          expect(element.initial_value).toBe(text);
          // Slack's max_length counts characters; the emoji answer is 6,000 UTF-16 units but 3,000 characters.
          expect([...(element.initial_value ?? '')].length).toBeLessThanOrEqual(element.max_length ?? 0);
        }
      },
    );

    it.each(Object.entries(WORST_PARTS))(
      'a question and topic title of %s fit, clipped whole, escaped',
      (_name, text) => {
        const view = starModal({ drillId: 42, topicTitle: text, questionText: text });
        expect(modalProblems(view)).toEqual([]);
        expect(shownText(view.blocks)).not.toMatch(RAW_MENTION);
        expect(view.private_metadata).toBe('42');
        expect(view.blocks).toHaveLength(6);
      },
    );

    it('escapes mentions and links in the question and the topic title', () => {
      const view = starModal({
        drillId: 1,
        topicTitle: '<!here> & co',
        questionText: 'Ask <!channel> <@U0BOSS>',
      });
      expect(view.blocks[0]).toEqual({
        type: 'section',
        text: { type: 'mrkdwn', text: '*Ask &lt;!channel&gt; &lt;@U0BOSS&gt;*' },
      });
      expect(view.blocks[1]).toEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: '&lt;!here&gt; &amp; co' }],
      });
    });
  });
});

describe('noticeModal', () => {
  it('only tells: notice callback id, a title, a close button, one section, no submit and no inputs', () => {
    const view = noticeModal(
      'Star Drill',
      'This drill is not available to you. Start a new one with `/star random`.',
    );
    expect(view).toEqual({
      type: 'modal',
      callback_id: VIEW_NOTICE,
      title: { type: 'plain_text', text: 'Star Drill' },
      close: { type: 'plain_text', text: 'Close' },
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: 'This drill is not available to you. Start a new one with `/star random`.',
          },
        },
      ],
    });
    expect(modalProblems(view)).toEqual([]);
  });

  it.each([
    ['25 letters', 'x'.repeat(25), `${'x'.repeat(23)}…`],
    ['24 letters (fits)', 'y'.repeat(24), 'y'.repeat(24)],
    ['emoji cut between halves', '😀'.repeat(20), `${'😀'.repeat(11)}…`],
    ['emoji after an odd prefix', `x${'😀'.repeat(20)}`, `x${'😀'.repeat(11)}…`],
  ])('clips a title of %s to 24 characters without breaking an emoji', (_name, title, expected) => {
    const view = noticeModal(title, 'text');
    expect(view.title.text).toBe(expected);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.title.text).not.toMatch(LONE_SURROGATE);
  });

  it('clips a long text to one 3000-character section', () => {
    const view = noticeModal('Star Drill', `${'z'.repeat(4999)}!`);
    expect(modalProblems(view)).toEqual([]);
    const section = view.blocks[0] as Extract<KnownBlock, { type: 'section' }>;
    expect(section.text?.text).toBe(`${'z'.repeat(2999)}…`);
  });
});
