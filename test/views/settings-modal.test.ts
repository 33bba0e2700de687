// Bad inputs tried: no current settings (defaults); every preset and a one-day set; a stored reminder delay
// the list does not offer (90); topic titles of 3,000 emoji, '&' and '<!channel>'; 150 topics (more than a
// select holds); a zone name with '&' in it. Submissions: settings-submission.test.ts.
import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/bank/load.ts';
import type { QuestionBank } from '../../src/bank/question-bank.ts';
import { CONTENT_DIR } from '../../src/bot.ts';
import {
  ACTION_SETTINGS_DAYS,
  ACTION_SETTINGS_REMINDER,
  ACTION_SETTINGS_TIME,
  ACTION_SETTINGS_TOPICS,
  BLOCK_SETTINGS_DAYS,
  BLOCK_SETTINGS_REMINDER,
  BLOCK_SETTINGS_TIME,
  BLOCK_SETTINGS_TOPICS,
  VIEW_SETTINGS,
} from '../../src/views/ids.ts';
import { type DrillSettings, settingsModal } from '../../src/views/settings-modal.ts';
import { modalProblems, RAW_MENTION, shownText, textObjects, WORST_PARTS } from './limits.ts';

let bank: QuestionBank;
let topics: { slug: string; title: string }[];
let _slugs: Set<string>;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  topics = bank.topics.map((t) => ({ slug: t.slug, title: t.title }));
  _slugs = new Set(topics.map((t) => t.slug));
});

const ZONE = 'America/New_York';
const CURRENT: DrillSettings = {
  minuteOfDay: 510,
  days: 0b0010101,
  topics: ['handling-production-incidents'],
  reminderMinutes: 120,
};

function input(view: ModalView, blockId: string): InputBlock {
  const block = view.blocks.find((b) => b.type === 'input' && b.block_id === blockId);
  expect(block, blockId).toBeDefined();
  return block as InputBlock;
}

type Element = Record<string, unknown> & { type: string; action_id: string };
const elementOf = (view: ModalView, blockId: string) => input(view, blockId).element as unknown as Element;
const values = (options: unknown) => ((options ?? []) as PlainTextOption[]).map((o) => o.value);

/** What Slack sends in view.state.values when the user submits the modal as it opened. */
function _submissionOf(view: ModalView): Record<string, Record<string, unknown>> {
  const time = elementOf(view, BLOCK_SETTINGS_TIME);
  const days = elementOf(view, BLOCK_SETTINGS_DAYS);
  const chosen = elementOf(view, BLOCK_SETTINGS_TOPICS);
  const reminder = elementOf(view, BLOCK_SETTINGS_REMINDER);
  return {
    [BLOCK_SETTINGS_TIME]: {
      [time.action_id]: { type: 'timepicker', selected_time: time.initial_time ?? null },
    },
    [BLOCK_SETTINGS_DAYS]: {
      [days.action_id]: { type: 'checkboxes', selected_options: days.initial_options ?? [] },
    },
    [BLOCK_SETTINGS_TOPICS]: {
      [chosen.action_id]: { type: 'multi_static_select', selected_options: chosen.initial_options ?? [] },
    },
    [BLOCK_SETTINGS_REMINDER]: {
      [reminder.action_id]: { type: 'static_select', selected_option: reminder.initial_option ?? null },
    },
  };
}

describe('settingsModal', () => {
  it('has the callback, the four inputs with their ids and labels, and the zone read-only', () => {
    const view = settingsModal({ zone: ZONE, topics, current: CURRENT });
    expect(view.callback_id).toBe(VIEW_SETTINGS);
    expect(VIEW_SETTINGS).toBe('drill_settings');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Drill settings' });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Save' });
    expect(view.blocks.map((b) => b.type)).toEqual([
      'section',
      'input',
      'input',
      'input',
      'input',
      'context',
    ]);
    expect(
      view.blocks
        .filter((b): b is InputBlock => b.type === 'input')
        .map((b) => [
          b.block_id,
          b.label.text,
          (b.element as unknown as Element).type,
          (b.element as unknown as Element).action_id,
          b.optional ?? false,
        ]),
    ).toEqual([
      ['settings_time', 'Time', 'timepicker', 'time', false],
      ['settings_days', 'Days', 'checkboxes', 'days', false],
      ['settings_topics', 'Topics', 'multi_static_select', 'topics', true],
      ['settings_reminder', 'Reminder', 'static_select', 'reminder', false],
    ]);
    expect([
      ACTION_SETTINGS_TIME,
      ACTION_SETTINGS_DAYS,
      ACTION_SETTINGS_TOPICS,
      ACTION_SETTINGS_REMINDER,
    ]).toEqual(['time', 'days', 'topics', 'reminder']);
    expect(shownText(view.blocks.at(-1))).toBe(
      ':earth_africa: Time zone: *America/New_York*, from your Slack profile. Change it in Slack and your drills follow.',
    );
    expect(modalProblems(view)).toEqual([]);
  });

  it('opens with the stored settings', () => {
    const view = settingsModal({ zone: ZONE, topics, current: CURRENT });
    expect(elementOf(view, BLOCK_SETTINGS_TIME).initial_time).toBe('08:30');
    expect(values(elementOf(view, BLOCK_SETTINGS_DAYS).options)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ]);
    expect(values(elementOf(view, BLOCK_SETTINGS_DAYS).initial_options)).toEqual(['mon', 'wed', 'fri']);
    expect(values(elementOf(view, BLOCK_SETTINGS_TOPICS).initial_options)).toEqual([
      'handling-production-incidents',
    ]);
    expect(values(elementOf(view, BLOCK_SETTINGS_TOPICS).options)).toEqual(topics.map((t) => t.slug));
    expect(elementOf(view, BLOCK_SETTINGS_REMINDER).initial_option).toEqual({
      text: { type: 'plain_text', text: 'After 2 hours' },
      value: '120',
    });
    expect(
      (elementOf(view, BLOCK_SETTINGS_REMINDER).options as PlainTextOption[]).map((o) => o.text.text),
    ).toEqual([
      'Off',
      'After 30 minutes',
      'After 1 hour',
      'After 2 hours',
      'After 3 hours',
      'After 4 hours',
      'After 6 hours',
      'After 8 hours',
      'After 12 hours',
    ]);
  });

  it('for someone not subscribed: the defaults, and the button subscribes', () => {
    const view = settingsModal({ zone: ZONE, topics, current: null });
    expect(view.submit).toEqual({ type: 'plain_text', text: 'Subscribe' });
    expect(elementOf(view, BLOCK_SETTINGS_TIME).initial_time).toBe('09:00');
    expect(values(elementOf(view, BLOCK_SETTINGS_DAYS).initial_options)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect(elementOf(view, BLOCK_SETTINGS_TOPICS).initial_options).toBeUndefined();
    expect(elementOf(view, BLOCK_SETTINGS_REMINDER).initial_option).toMatchObject({ value: '240' });
    expect(modalProblems(view)).toEqual([]);
  });

  it('shows a stored delay the list does not offer, in order', () => {
    const view = settingsModal({ zone: ZONE, topics, current: { ...CURRENT, reminderMinutes: 90 } });
    const reminder = elementOf(view, BLOCK_SETTINGS_REMINDER);
    expect(values(reminder.options)).toEqual([
      'off',
      '30',
      '60',
      '90',
      '120',
      '180',
      '240',
      '360',
      '480',
      '720',
    ]);
    expect(reminder.initial_option).toEqual({
      text: { type: 'plain_text', text: 'After 1 hour 30 minutes' },
      value: '90',
    });
    expect(modalProblems(view)).toEqual([]);
  });

  it('reminders off and every day', () => {
    const view = settingsModal({
      zone: ZONE,
      topics,
      current: { ...CURRENT, days: 'daily', reminderMinutes: null },
    });
    expect(elementOf(view, BLOCK_SETTINGS_REMINDER).initial_option).toMatchObject({ value: 'off' });
    expect(values(elementOf(view, BLOCK_SETTINGS_DAYS).initial_options)).toHaveLength(7);
  });

  it('leaves out a stored topic that is no longer in the bank', () => {
    const view = settingsModal({
      zone: ZONE,
      topics,
      current: { ...CURRENT, topics: ['gone', 'handling-production-incidents'] },
    });
    expect(values(elementOf(view, BLOCK_SETTINGS_TOPICS).initial_options)).toEqual([
      'handling-production-incidents',
    ]);
  });

  it.each(Object.entries(WORST_PARTS))('stays within limits with topic titles of %s', (_, title) => {
    const many = Array.from({ length: 150 }, (_, i) => ({ slug: `topic-${i}`, title }));
    const view = settingsModal({
      zone: 'Zone/With_&_<tz>',
      topics: many,
      current: { ...CURRENT, topics: ['topic-0', 'topic-149'] },
    });
    expect(modalProblems(view)).toEqual([]);
    expect(values(elementOf(view, BLOCK_SETTINGS_TOPICS).options)).toHaveLength(100);
    expect(values(elementOf(view, BLOCK_SETTINGS_TOPICS).initial_options)).toEqual(['topic-0']);
    // Option texts are plain_text, which Slack never reads as mentions; every mrkdwn text is escaped.
    const mrkdwn = textObjects(view).filter((t) => t.type === 'mrkdwn');
    expect(mrkdwn.map((t) => t.text).join('\n')).not.toMatch(RAW_MENTION);
  });

  it('the limits helper catches broken options (so the checks above can fail)', () => {
    const view = settingsModal({ zone: ZONE, topics, current: CURRENT });
    const days = elementOf(view, BLOCK_SETTINGS_DAYS);
    days.initial_options = [{ text: { type: 'plain_text', text: 'Mon' }, value: 'mon' }];
    (days.options as PlainTextOption[]).push(
      ...Array.from({ length: 4 }, (_, i) => ({
        text: { type: 'plain_text' as const, text: 'x'.repeat(76) },
        value: `v${i}`,
      })),
    );
    const problems = modalProblems(view);
    expect(problems.some((p) => p.includes('11 options > 10'))).toBe(true);
    expect(problems.some((p) => p.includes('is not one of the options'))).toBe(true);
    expect(problems.some((p) => p.includes('bad text'))).toBe(true);
  });
});
