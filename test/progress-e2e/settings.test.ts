// The App Home's Subscribe and Settings buttons and the settings modal, end to end: clicked on the published
// Home tab, the modal filled in and submitted through the local Slack, and what is stored, DMed and published.
//
// Bad inputs tried (each answered with field errors keyed by block_id, nothing stored, nothing DMed):
//   time: none chosen, `25:00`, `9am`, `07:3`; days: none, `funday`, `mon` + `sunday`; topics: `nosuchtopic`,
//   `__proto__`, a non-list; reminder: none, `5` (below 30 minutes), `721`, `abc`, `1e3`, `-60`, `30.5`;
//   the whole state missing; every field wrong at once.

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { subscriptions, users } from '../../src/db/schema/index.ts';
import {
  ACTION_HOME_SUBSCRIBE,
  ACTION_OPEN_SETTINGS,
  BLOCK_HOME_ACTIONS,
  BLOCK_HOME_NEXT,
  BLOCK_SETTINGS_DAYS,
  BLOCK_SETTINGS_REMINDER,
  BLOCK_SETTINGS_TIME,
  BLOCK_SETTINGS_TOPICS,
  VIEW_SETTINGS,
} from '../../src/views/ids.ts';
import { SETTINGS_ERRORS } from '../../src/views/settings-modal.ts';
import { sendPayload } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import {
  dms,
  home,
  openHome,
  person,
  settingsValues,
  star,
  subscriptionOf,
  tick,
  topicAt,
} from './support.ts';

/** Tuesday 12 January 2027, 10:00 UTC (11:00 in Berlin). */
const { clock, t } = useProgressBot('2027-01-12T10:00:00Z');

const topic = (i: number) => topicAt(t, i);

/** Clicks a button on the person's Home tab and returns the modal that opened. */
async function clickHome(userId: string, actionId: string, blockId: string) {
  const opens = t.standin.count('views.open');
  const click = await t.standin.clickViewButton(t.url, {
    userId,
    viewId: home(t, userId).view.id,
    actionId,
    blockId,
  });
  expect(click.status).toBe(200);
  await t.bot.idle();
  expect(t.standin.count('views.open')).toBe(opens + 1);
  const modal = t.standin.openModal(userId);
  if (!modal) throw new Error('no modal open');
  expect(modal.view.callback_id).toBe(VIEW_SETTINGS);
  return modal;
}

type Input = { block_id: string; element: Record<string, unknown> };
const inputOf = (modal: { view: Record<string, unknown> }, blockId: string) =>
  (modal.view.blocks as Input[]).find((b) => b.block_id === blockId)?.element ?? {};
const optionValues = (options: unknown) => ((options ?? []) as Array<{ value: string }>).map((o) => o.value);

/** A view_submission of the settings modal with any state at all, signed: what a forged or replayed request sends. */
function rawSettings(userId: string, viewId: string, values: unknown) {
  return sendPayload(t, {
    type: 'view_submission',
    team: { id: t.standin.workspace.teamId, domain: 'standin' },
    user: { id: userId, username: 'someone', name: 'someone', team_id: t.standin.workspace.teamId },
    api_app_id: t.standin.workspace.appId,
    token: t.standin.workspace.verificationToken,
    trigger_id: t.standin.newTriggerId(userId),
    view: {
      id: viewId,
      team_id: t.standin.workspace.teamId,
      type: 'modal',
      callback_id: VIEW_SETTINGS,
      private_metadata: t.standin.views.get(viewId)?.view.private_metadata ?? '',
      hash: t.standin.views.get(viewId)?.hash,
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
  });
}

const state = (p: Record<string, unknown>) => ({
  [BLOCK_SETTINGS_TIME]: { time: { type: 'timepicker', selected_time: '08:00' } },
  [BLOCK_SETTINGS_DAYS]: { days: { type: 'checkboxes', selected_options: [{ value: 'mon' }] } },
  [BLOCK_SETTINGS_TOPICS]: { topics: { type: 'multi_static_select', selected_options: [] } },
  [BLOCK_SETTINGS_REMINDER]: { reminder: { type: 'static_select', selected_option: { value: '240' } } },
  ...p,
});

describe('Subscribe from the Home tab', () => {
  it('shows Subscribe when not subscribed; the modal opens with the defaults and the Slack zone', async () => {
    const user = person(t, 'America/New_York');
    const { blocks, text } = await openHome(t, user);
    expect(text).toContain('Not subscribed');
    const next = blocks.find((b) => b.block_id === BLOCK_HOME_NEXT) as {
      accessory?: Record<string, unknown>;
    };
    expect(next.accessory).toMatchObject({ action_id: ACTION_HOME_SUBSCRIBE, text: { text: 'Subscribe' } });

    const modal = await clickHome(user, ACTION_HOME_SUBSCRIBE, BLOCK_HOME_NEXT);
    expect(inputOf(modal, BLOCK_SETTINGS_TIME)).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
    expect(optionValues(inputOf(modal, BLOCK_SETTINGS_DAYS).initial_options)).toEqual([
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
    ]);
    expect(inputOf(modal, BLOCK_SETTINGS_TOPICS).initial_options).toBeUndefined();
    expect((inputOf(modal, BLOCK_SETTINGS_REMINDER).initial_option as { value: string }).value).toBe('240');
    expect((modal.view.submit as { text: string }).text).toBe('Subscribe');
    // Read-only, from the Slack profile: the person's own zone, not a default.
    expect(JSON.stringify(modal.view.blocks)).toContain('Time zone: *America/New_York*');
  });

  it('saving stores what /star subscribe stores, in the Slack zone, and confirms by DM', async () => {
    const viaModal = person(t, 'America/New_York');
    const viaCommand = person(t, 'America/New_York');
    await openHome(t, viaModal);
    const modal = await clickHome(viaModal, ACTION_HOME_SUBSCRIBE, BLOCK_HOME_NEXT);
    const reply = await t.standin.submitView(t.url, {
      userId: viaModal,
      viewId: modal.id,
      values: settingsValues({
        time: '08:15',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        topics: [topic(0).slug, topic(3).slug],
      }),
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    await t.bot.idle();
    expect(t.standin.openModal(viaModal)).toBeUndefined();

    await star(t, viaCommand, `subscribe 08:15 weekdays ${topic(0).slug} ${topic(3).slug}`);
    const [a, b] = [await subscriptionOf(t, viaModal), await subscriptionOf(t, viaCommand)];
    const settings = (s: typeof a) => ({
      minuteOfDay: s?.minuteOfDay,
      dayMask: s?.dayMask,
      topics: s?.topics,
      active: s?.active,
      nextDueAt: s?.nextDueAt,
      nextDueDate: s?.nextDueDate,
      skipDate: s?.skipDate,
      pausedUntil: s?.pausedUntil,
      interviewDate: s?.interviewDate,
      reminderMinutes: s?.reminderMinutes,
      recap: s?.recap,
      nextRecapAt: s?.nextRecapAt,
    });
    expect(settings(a)).toEqual(settings(b));
    // 08:15 EST on Tuesday 12 January is 13:15Z, still ahead at 10:00Z.
    expect(a).toMatchObject({ minuteOfDay: 495, dayMask: 31, nextDueAt: new Date('2027-01-12T13:15:00Z') });
    const [stored] = await t.bot.ctx.db.select().from(users).where(eq(users.id, viaModal));
    expect(stored?.tz).toBe('America/New_York');

    const [dm] = dms(t, viaModal);
    expect(dm?.text).toContain('Subscribed: a drill at *08:15 America/New_York, weekdays*');
    expect(dm?.text).toContain(`on ${topic(0).title}, ${topic(3).title}`);
    expect(dm?.text).toContain('Next drill: *Tue 12 Jan at 08:15 (today)*');
  });

  it('any weekdays: Mon, Wed, Fri is stored as a mask and only those days get a drill', async () => {
    const user = person(t, 'Europe/Berlin');
    await openHome(t, user);
    const published = t.standin.count('views.publish');
    const modal = await clickHome(user, ACTION_HOME_SUBSCRIBE, BLOCK_HOME_NEXT);
    await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal.id,
      values: settingsValues({ time: '07:30', days: ['wed', 'mon', 'fri'], reminder: '60' }),
    });
    await t.bot.idle();
    expect(await subscriptionOf(t, user)).toMatchObject({
      minuteOfDay: 450,
      dayMask: 0b0010101,
      topics: [],
      reminderMinutes: 60,
      // Tuesday 07:30 has passed in Berlin: Wednesday is next.
      nextDueDate: '2027-01-13',
      nextDueAt: new Date('2027-01-13T06:30:00Z'),
    });
    expect(dms(t, user)[0]?.text).toContain('*07:30 Europe/Berlin, Mon, Wed, Fri*');

    // The Home tab was published again, now with the schedule instead of the Subscribe button.
    expect(t.standin.count('views.publish')).toBeGreaterThan(published);
    const { text } = home(t, user);
    expect(text).toContain('*Next drill:* Wed 13 Jan at 07:30 (tomorrow)');
    expect(text).toContain('07:30 Europe/Berlin, Mon, Wed, Fri');
    expect(text).toContain('reminder 1 hour');
    expect(text).not.toContain('Not subscribed');

    // Wednesday's drill comes, Thursday's does not, Friday's does.
    await tick(t, clock, '2027-01-13T06:30:00Z');
    await tick(t, clock, '2027-01-14T06:30:00Z');
    await tick(t, clock, '2027-01-15T06:30:00Z');
    expect(dms(t, user).filter((m) => m.text.startsWith("Today's drill"))).toHaveLength(2);
    clock.set('2027-01-12T10:00:00Z');
  });

  it('Settings opens the modal with what is stored; a change keeps the pause and interview, reminder Off stores null', async () => {
    clock.set('2027-01-12T10:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, `subscribe 18:00 daily ${topic(1).slug}`);
    await star(t, user, 'pause until 2027-01-20');
    await star(t, user, 'interview 2027-02-01');
    await openHome(t, user);
    const modal = await clickHome(user, ACTION_OPEN_SETTINGS, BLOCK_HOME_ACTIONS);
    expect(inputOf(modal, BLOCK_SETTINGS_TIME).initial_time).toBe('18:00');
    expect(optionValues(inputOf(modal, BLOCK_SETTINGS_DAYS).initial_options)).toHaveLength(7);
    expect(optionValues(inputOf(modal, BLOCK_SETTINGS_TOPICS).initial_options)).toEqual([topic(1).slug]);
    expect((modal.view.submit as { text: string }).text).toBe('Save');

    await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal.id,
      values: settingsValues({ time: '06:45', reminder: 'off' }),
    });
    await t.bot.idle();
    expect(await subscriptionOf(t, user)).toMatchObject({
      minuteOfDay: 405,
      dayMask: 127,
      topics: [topic(1).slug],
      reminderMinutes: null,
      pausedUntil: '2027-01-20',
      interviewDate: '2027-02-01',
      nextDueDate: '2027-01-20',
    });
    const confirmation = dms(t, user).at(-1)?.text ?? '';
    expect(confirmation).toContain('Subscription updated: a drill at *06:45 Europe/Berlin, every day*');
    expect(home(t, user).text).toContain('reminder off');
  });
});

describe('bad input in the settings modal', () => {
  let user: string;
  let viewId: string;

  beforeAll(async () => {
    clock.set('2027-01-12T10:00:00Z');
    user = person(t, 'Asia/Kolkata');
    await openHome(t, user);
    viewId = (await clickHome(user, ACTION_HOME_SUBSCRIBE, BLOCK_HOME_NEXT)).id;
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'no time',
      { [BLOCK_SETTINGS_TIME]: { time: { type: 'timepicker', selected_time: null } } },
      BLOCK_SETTINGS_TIME,
    ],
    [
      '25:00',
      { [BLOCK_SETTINGS_TIME]: { time: { type: 'timepicker', selected_time: '25:00' } } },
      BLOCK_SETTINGS_TIME,
    ],
    [
      '9am',
      { [BLOCK_SETTINGS_TIME]: { time: { type: 'timepicker', selected_time: '9am' } } },
      BLOCK_SETTINGS_TIME,
    ],
    [
      '07:3',
      { [BLOCK_SETTINGS_TIME]: { time: { type: 'timepicker', selected_time: '07:3' } } },
      BLOCK_SETTINGS_TIME,
    ],
    ['no day', { [BLOCK_SETTINGS_DAYS]: { days: { selected_options: [] } } }, BLOCK_SETTINGS_DAYS],
    [
      'funday',
      { [BLOCK_SETTINGS_DAYS]: { days: { selected_options: [{ value: 'funday' }] } } },
      BLOCK_SETTINGS_DAYS,
    ],
    [
      'mon + sunday',
      { [BLOCK_SETTINGS_DAYS]: { days: { selected_options: [{ value: 'mon' }, { value: 'sunday' }] } } },
      BLOCK_SETTINGS_DAYS,
    ],
    [
      'nosuchtopic',
      { [BLOCK_SETTINGS_TOPICS]: { topics: { selected_options: [{ value: 'nosuchtopic' }] } } },
      BLOCK_SETTINGS_TOPICS,
    ],
    [
      '__proto__',
      { [BLOCK_SETTINGS_TOPICS]: { topics: { selected_options: [{ value: '__proto__' }] } } },
      BLOCK_SETTINGS_TOPICS,
    ],
    [
      'topics not a list',
      { [BLOCK_SETTINGS_TOPICS]: { topics: { selected_options: 'all' } } },
      BLOCK_SETTINGS_TOPICS,
    ],
    [
      'no reminder',
      { [BLOCK_SETTINGS_REMINDER]: { reminder: { selected_option: null } } },
      BLOCK_SETTINGS_REMINDER,
    ],
    ...['5', '721', 'abc', '1e3', '-60', '30.5'].map(
      (v) =>
        [
          `reminder ${v}`,
          { [BLOCK_SETTINGS_REMINDER]: { reminder: { selected_option: { value: v } } } },
          BLOCK_SETTINGS_REMINDER,
        ] as [string, Record<string, unknown>, string],
    ),
  ];
  it.each(cases)('%s: a field error on its block, nothing stored', async (_name, wrong, block) => {
    const reply = await rawSettings(user, viewId, state(wrong));
    expect(reply.status).toBe(200);
    const body = reply.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([block]);
    await t.bot.idle();
    expect(await subscriptionOf(t, user)).toBeUndefined();
    expect(dms(t, user)).toEqual([]);
  });

  it('every field wrong at once: an error on each block; no state at all: an error on each required block', async () => {
    const all = await rawSettings(
      user,
      viewId,
      state({
        [BLOCK_SETTINGS_TIME]: { time: { selected_time: '24:00' } },
        [BLOCK_SETTINGS_DAYS]: { days: { selected_options: [] } },
        [BLOCK_SETTINGS_TOPICS]: { topics: { selected_options: [{ value: 'x' }] } },
        [BLOCK_SETTINGS_REMINDER]: { reminder: { selected_option: { value: '0' } } },
      }),
    );
    expect((all.json as { errors: Record<string, string> }).errors).toEqual({
      [BLOCK_SETTINGS_TIME]: SETTINGS_ERRORS.time,
      [BLOCK_SETTINGS_DAYS]: SETTINGS_ERRORS.days,
      [BLOCK_SETTINGS_TOPICS]: SETTINGS_ERRORS.topics,
      [BLOCK_SETTINGS_REMINDER]: SETTINGS_ERRORS.reminder,
    });
    const none = await rawSettings(user, viewId, {});
    expect(Object.keys((none.json as { errors: Record<string, string> }).errors).sort()).toEqual(
      [BLOCK_SETTINGS_DAYS, BLOCK_SETTINGS_REMINDER, BLOCK_SETTINGS_TIME].sort(),
    );
    await t.bot.idle();
    expect(await t.bot.ctx.db.select().from(subscriptions).where(eq(subscriptions.userId, user))).toEqual([]);
    expect(await t.bot.ctx.db.select().from(users).where(eq(users.id, user))).toEqual([]);
    // The modal stays open with the person's choices; the Home tab still offers Subscribe.
    expect(t.standin.openModal(user)?.id).toBe(viewId);
    expect(home(t, user).text).toContain('Not subscribed');
  });

  it('the local Slack refuses what Slack’s client would not submit (no day ticked), as Slack does', async () => {
    await expect(
      t.standin.submitView(t.url, { userId: user, viewId, values: settingsValues({ days: [] }) }),
    ).rejects.toThrow(/settings_days\/days is required/);
    await expect(
      t.standin.submitView(t.url, { userId: user, viewId, values: settingsValues({ reminder: '45' }) }),
    ).rejects.toThrow(/no option with value 45/);
  });
});
