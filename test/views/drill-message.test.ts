// Bad inputs tried: every question of the real guide (answered and not, scheduled and on demand); a topic
// title of 3,000 emoji, of 3,000 '&' and of '<!channel>' repeated; key concepts and question texts of
// 3,000 '&', '<', emoji, emoji after an odd prefix, and '<!channel> ' repeated; drill ids 1 and 999999999
// (the largest the click listener accepts); an answer time at the epoch second boundary.
import type { Button, KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import type { Topic } from '../../src/bank/types.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import { answerClickSchema } from '../../src/slack/parse-payloads.ts';
import { type DrillMessageInput, drillMessage } from '../../src/views/drill-message.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_STAR_INPUT,
  BLOCK_DRILL_ACTIONS,
  COMMAND,
  VIEW_NOTICE,
  VIEW_STAR_ANSWER,
} from '../../src/views/ids.ts';
import { messageProblems, RAW_MENTION, shownText, WORST_PARTS } from './limits.ts';

let bank: QuestionBank;
let incidents: Topic;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  incidents = bank.topic('handling-production-incidents') as Topic;
});

const QUESTION = 'Tell me about a time when you had to resolve a critical production issue.';
// 2026-03-09 12:00:30 UTC (date -u -d 2026-03-09T12:00:30Z +%s = 1773057630).
const ANSWERED = new Date('2026-03-09T12:00:30Z');

function input(over: Partial<DrillMessageInput> = {}): DrillMessageInput {
  return { drillId: 42, topic: incidents, questionText: QUESTION, ...over };
}

function actionsOf(blocks: KnownBlock[]) {
  const actions = blocks.filter((b) => b.type === 'actions');
  expect(actions).toHaveLength(1);
  return actions[0] as Extract<KnownBlock, { type: 'actions' }>;
}

function buttonOf(blocks: KnownBlock[]): Button {
  const { elements } = actionsOf(blocks);
  expect(elements).toHaveLength(1);
  const button = elements[0] as Button;
  expect(button.type).toBe('button');
  return button;
}

describe('ids shared with listeners', () => {
  // Buttons already posted in users' DMs keep the ids they were sent with: renaming one would leave every
  // earlier drill with a button no listener answers. So the values themselves are pinned, not just shared.
  it('keep the values that messages and modals already in Slack carry', () => {
    expect(COMMAND).toBe('/star');
    expect(ACTION_ANSWER_DRILL).toBe('answer_drill');
    expect(BLOCK_DRILL_ACTIONS).toBe('drill_actions');
    expect(VIEW_STAR_ANSWER).toBe('star_answer');
    expect(VIEW_NOTICE).toBe('star_notice');
    expect(ACTION_STAR_INPUT).toBe('value');
  });
});

describe('drillMessage', () => {
  it('is a header, the question, a context line and one actions block, in that order', () => {
    const m = drillMessage(input());
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(messageProblems(m)).toEqual([]);
  });

  it('puts one answer button, carrying the drill id, in the actions block the listener reads', () => {
    const m = drillMessage(input({ drillId: 42 }));
    expect(actionsOf(m.blocks).block_id).toBe(BLOCK_DRILL_ACTIONS);
    const button = buttonOf(m.blocks);
    expect(button.action_id).toBe(ACTION_ANSWER_DRILL);
    expect(button.value).toBe('42');
    expect(button.text).toEqual({ type: 'plain_text', text: 'Answer with STAR' });
    expect(button.style).toBe('primary');
    // No other block carries an id a listener could confuse with it.
    expect(m.blocks.filter((b) => 'block_id' in b && b.block_id !== undefined)).toHaveLength(1);
  });

  it.each([1, 42, 999_999_999])(
    'a click on the button of drill %i passes the payload gate with that id',
    (id) => {
      const button = buttonOf(drillMessage(input({ drillId: id })).blocks);
      const click = answerClickSchema.safeParse({
        type: 'block_actions',
        user: { id: 'U0OWNER' },
        trigger_id: '1.2.abc',
        container: { message_ts: '1773057630.000100', channel_id: 'D0OWNER' },
        actions: [{ action_id: button.action_id, value: button.value }],
      });
      expect(click.success).toBe(true);
      expect(click.data?.actions[0]?.value).toBe(String(id));
    },
  );

  it('before an answer: key concepts in the context line, primary "Answer with STAR" button', () => {
    const m = drillMessage(input());
    const context = m.blocks[2] as Extract<KnownBlock, { type: 'context' }>;
    expect(context.elements).toEqual([
      {
        type: 'mrkdwn',
        text: '*Key concepts:* Production incidents test your ability to work under pressure, diagnose complex problems, communicate clearly, and implement both short-term fixes and long-term solutions.',
      },
    ]);
    expect(shownText(m.blocks)).not.toContain('Answered');
  });

  it('after an answer: says when, and the button edits the answer without the primary style', () => {
    const m = drillMessage(input({ answeredAt: ANSWERED }));
    const context = m.blocks[2] as Extract<KnownBlock, { type: 'context' }>;
    expect(context.elements).toEqual([
      {
        type: 'mrkdwn',
        text: ':white_check_mark: Answered <!date^1773057630^{date_short_pretty} at {time}|2026-03-09 12:00 UTC>',
      },
    ]);
    const button = buttonOf(m.blocks);
    expect(button.text.text).toBe('Edit answer');
    expect(button).not.toHaveProperty('style');
    expect(button.action_id).toBe(ACTION_ANSWER_DRILL);
    expect(button.value).toBe('42');
    expect(shownText(m.blocks)).not.toContain('Key concepts');
    expect(messageProblems(m)).toEqual([]);
  });

  it('says "Today\'s drill" when scheduled and "Drill" on demand, in the header and the fallback', () => {
    const scheduled = drillMessage(input({ scheduled: true }));
    const onDemand = drillMessage(input());
    expect(scheduled.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: "Today's drill: Handling Production Incidents", emoji: true },
    });
    expect(onDemand.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Drill: Handling Production Incidents', emoji: true },
    });
    expect(scheduled.text).toBe(`Today's drill: Handling Production Incidents · ${QUESTION}`);
    expect(onDemand.text).toBe(`Drill: Handling Production Incidents · ${QUESTION}`);
  });

  it('shows the question in bold', () => {
    const m = drillMessage(input());
    expect(m.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${QUESTION}*` } });
  });

  it('fits Slack for every question of the real guide, answered or not, scheduled or not', () => {
    let count = 0;
    for (const topic of bank.topics) {
      for (const q of topic.questions) {
        for (const answeredAt of [undefined, ANSWERED]) {
          for (const scheduled of [false, true]) {
            const m = drillMessage({ drillId: q.number, topic, questionText: q.text, answeredAt, scheduled });
            expect(messageProblems(m), `${topic.slug} q${q.number}`).toEqual([]);
            expect(shownText(m.blocks)).toContain(q.text);
            count += 1;
          }
        }
      }
    }
    // 5 topics x 3 questions x 4 variants in the shipped guide.
    expect(count).toBe(60);
  });

  describe('worst inputs', () => {
    const worst = Object.entries(WORST_PARTS);

    it.each(worst)('a question of %s fits, clipped whole, escaped', (_name, text) => {
      for (const answeredAt of [undefined, ANSWERED]) {
        const m = drillMessage(input({ questionText: text, answeredAt }));
        expect(messageProblems(m)).toEqual([]);
        expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
      }
    });

    it.each(worst)('a topic title and key concepts of %s fit, clipped whole, escaped', (_name, text) => {
      const m = drillMessage(input({ topic: { title: text, keyConcepts: text }, scheduled: true }));
      expect(messageProblems(m)).toEqual([]);
      expect(shownText(m.blocks.filter((b) => b.type !== 'header'))).not.toMatch(RAW_MENTION);
      const header = m.blocks[0] as Extract<KnownBlock, { type: 'header' }>;
      expect(header.text.text.length).toBeLessThanOrEqual(150);
      expect(header.text.text.startsWith("Today's drill: ")).toBe(true);
      expect(header.text.text.endsWith('…')).toBe(true);
    });

    it('escapes a mention in the question and in the key concepts', () => {
      const m = drillMessage(
        input({
          questionText: 'Tell <!channel> about <@U0BOSS> & co',
          topic: { title: 'T', keyConcepts: 'See <https://evil.example|the docs>' },
        }),
      );
      expect(m.blocks[1]).toEqual({
        type: 'section',
        text: { type: 'mrkdwn', text: '*Tell &lt;!channel&gt; about &lt;@U0BOSS&gt; &amp; co*' },
      });
      expect(shownText(m.blocks)).toContain('*Key concepts:* See &lt;https://evil.example|the docs&gt;');
    });

    // Regression test (a bug this test found): the section escapes the question (escapeMrkdwn) but the top-level `text`, which Slack also
    // parses as mrkdwn for notifications and screen readers, repeats it raw. A guide question containing
    // `<...>` (e.g. "<your team>") or `<!channel>` would become a link or a mention in the notification
    // while the message body shows it as typed. Fix in src/views/drill-message.ts: escape the fallback too.
    it('escapes the question in the notification fallback too, as in the section', () => {
      const m = drillMessage(input({ questionText: 'Tell <!channel> about <your team> & co' }));
      expect(m.text).toBe(
        'Drill: Handling Production Incidents · Tell &lt;!channel&gt; about &lt;your team&gt; &amp; co',
      );
    });
  });
});
