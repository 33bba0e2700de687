// parseSettings (src/views/settings-modal.ts): a settings modal's submission read back. Bad inputs tried: no
// time, a time of '25:00' and '9am', no day, a day value not offered ('funday', 'constructor'), a topic not in
// the bank, a stored topic removed from the bank, a reminder of 29, 'NaN', '' and none, values that are not
// objects (null, a string, an array), blocks missing, extra blocks, `__proto__` as a block id, repeated
// topics.
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
} from '../../src/views/ids.ts';
import { type DrillSettings, parseSettings, settingsModal } from '../../src/views/settings-modal.ts';

let bank: QuestionBank;
let topics: { slug: string; title: string }[];
let slugs: Set<string>;
beforeAll(async () => {
  bank = await loadQuestionBank(CONTENT_DIR);
  topics = bank.topics.map((t) => ({ slug: t.slug, title: t.title }));
  slugs = new Set(topics.map((t) => t.slug));
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
const _values = (options: unknown) => ((options ?? []) as PlainTextOption[]).map((o) => o.value);

/** What Slack sends in view.state.values when the user submits the modal as it opened. */
function submissionOf(view: ModalView): Record<string, Record<string, unknown>> {
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

describe('parseSettings', () => {
  it('gives back what the modal opened with: the round trip', () => {
    const view = settingsModal({ zone: ZONE, topics, current: CURRENT });
    expect(parseSettings(submissionOf(view), slugs)).toEqual({ ok: true, value: CURRENT });
    const defaults = settingsModal({ zone: ZONE, topics, current: null });
    expect(parseSettings(submissionOf(defaults), slugs)).toEqual({
      ok: true,
      value: { minuteOfDay: 540, days: 'weekdays', topics: [], reminderMinutes: 240 },
    });
  });

  const base = () => submissionOf(settingsModal({ zone: ZONE, topics, current: CURRENT }));
  const set = (block: string, action: string, state: unknown) => {
    const v = base();
    v[block] = { [action]: state };
    return v;
  };
  const opts = (...vs: string[]) => vs.map((value) => ({ text: { type: 'plain_text', text: value }, value }));

  it('days as a set, presets by name; reminder off; topics deduplicated in the order chosen', () => {
    expect(
      parseSettings(
        set(BLOCK_SETTINGS_DAYS, ACTION_SETTINGS_DAYS, { selected_options: opts('sun', 'sat') }),
        slugs,
      ),
    ).toMatchObject({
      ok: true,
      value: { days: 0b1100000 },
    });
    expect(
      parseSettings(
        set(BLOCK_SETTINGS_DAYS, ACTION_SETTINGS_DAYS, {
          selected_options: opts('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'),
        }),
        slugs,
      ),
    ).toMatchObject({ ok: true, value: { days: 'daily' } });
    expect(
      parseSettings(
        set(BLOCK_SETTINGS_REMINDER, ACTION_SETTINGS_REMINDER, { selected_option: opts('off')[0] }),
        slugs,
      ),
    ).toMatchObject({
      ok: true,
      value: { reminderMinutes: null },
    });
    const [a, b] = [...slugs];
    expect(
      parseSettings(
        set(BLOCK_SETTINGS_TOPICS, ACTION_SETTINGS_TOPICS, {
          selected_options: opts(b as string, a as string, b as string),
        }),
        slugs,
      ),
    ).toMatchObject({ ok: true, value: { topics: [b, a] } });
  });

  it('no topics chosen: Slack may leave the optional block out, or send null or an empty list', () => {
    const v = base();
    delete v[BLOCK_SETTINGS_TOPICS];
    expect(parseSettings(v, slugs)).toMatchObject({ ok: true, value: { topics: [] } });
    expect(
      parseSettings(set(BLOCK_SETTINGS_TOPICS, ACTION_SETTINGS_TOPICS, { selected_options: null }), slugs),
    ).toMatchObject({
      ok: true,
      value: { topics: [] },
    });
    expect(
      parseSettings(set(BLOCK_SETTINGS_TOPICS, ACTION_SETTINGS_TOPICS, { selected_options: [] }), slugs),
    ).toMatchObject({
      ok: true,
      value: { topics: [] },
    });
  });

  it.each([
    ['no time', BLOCK_SETTINGS_TIME, ACTION_SETTINGS_TIME, { selected_time: null }, 'Choose a time.'],
    ['25:00', BLOCK_SETTINGS_TIME, ACTION_SETTINGS_TIME, { selected_time: '25:00' }, 'Choose a time.'],
    ['9am', BLOCK_SETTINGS_TIME, ACTION_SETTINGS_TIME, { selected_time: '9am' }, 'Choose a time.'],
    [
      'no day',
      BLOCK_SETTINGS_DAYS,
      ACTION_SETTINGS_DAYS,
      { selected_options: [] },
      'Choose at least one day.',
    ],
    [
      'funday',
      BLOCK_SETTINGS_DAYS,
      ACTION_SETTINGS_DAYS,
      { selected_options: opts('mon', 'funday') },
      'Choose at least one day.',
    ],
    [
      'constructor',
      BLOCK_SETTINGS_DAYS,
      ACTION_SETTINGS_DAYS,
      { selected_options: opts('constructor') },
      'Choose at least one day.',
    ],
    [
      'a topic not in the bank',
      BLOCK_SETTINGS_TOPICS,
      ACTION_SETTINGS_TOPICS,
      { selected_options: opts('astrology') },
      'Choose topics from the list (it may have changed: reopen the settings).',
    ],
    [
      'a topic list that is not a list',
      BLOCK_SETTINGS_TOPICS,
      ACTION_SETTINGS_TOPICS,
      { selected_options: 'all' },
      'Choose topics from the list (it may have changed: reopen the settings).',
    ],
    [
      'reminder 29',
      BLOCK_SETTINGS_REMINDER,
      ACTION_SETTINGS_REMINDER,
      { selected_option: opts('29')[0] },
      'Choose a reminder delay, or Off.',
    ],
    [
      'reminder NaN',
      BLOCK_SETTINGS_REMINDER,
      ACTION_SETTINGS_REMINDER,
      { selected_option: opts('NaN')[0] },
      'Choose a reminder delay, or Off.',
    ],
    [
      'reminder empty',
      BLOCK_SETTINGS_REMINDER,
      ACTION_SETTINGS_REMINDER,
      { selected_option: opts('')[0] },
      'Choose a reminder delay, or Off.',
    ],
    [
      'no reminder',
      BLOCK_SETTINGS_REMINDER,
      ACTION_SETTINGS_REMINDER,
      { selected_option: null },
      'Choose a reminder delay, or Off.',
    ],
  ])('%s: an error beside that field only', (_, block, action, state, message) => {
    expect(parseSettings(set(block, action, state), slugs)).toEqual({
      ok: false,
      errors: { [block]: message },
    });
  });

  it('a missing block is an error beside it', () => {
    const v = base();
    delete v[BLOCK_SETTINGS_DAYS];
    expect(parseSettings(v, slugs)).toEqual({
      ok: false,
      errors: { settings_days: 'Choose at least one day.' },
    });
  });

  it.each([[null], ['values'], [[]], [42]])(
    'values that are not an object (%j): every required field',
    (bad) => {
      // Topics are optional: nothing chosen is "every topic", so only the required fields are errors.
      expect(parseSettings(bad, slugs)).toEqual({
        ok: false,
        errors: {
          settings_time: 'Choose a time.',
          settings_days: 'Choose at least one day.',
          settings_reminder: 'Choose a reminder delay, or Off.',
        },
      });
    },
  );

  it('ignores extra blocks, including a `__proto__` one', () => {
    const v = JSON.parse(`{"__proto__": {"x": {"value": "y"}}, "other": {"a": {}}}`);
    Object.assign(v, base());
    expect(parseSettings(v, slugs)).toEqual({ ok: true, value: CURRENT });
  });
});
