/**
 * The settings modal opened from the Home tab: time, days, topics and reminder, with the time zone shown
 * read-only (it comes from the Slack profile). Saving it is `/star subscribe` with those settings plus the
 * reminder delay; `parseSettings` turns the submitted state into exactly that, or into field errors keyed
 * by block_id for `{ response_action: 'errors', errors }`.
 */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { type Days, daysOf, WEEKDAY_LONG, WEEKDAYS, type Weekday, weekdaysOf } from '../drills/days.ts';
import {
  DEFAULT_DAYS,
  DEFAULT_MINUTE_OF_DAY,
  formatMinuteOfDay,
  parseClock,
  type SubscribeArgs,
} from '../drills/subscribe-args.ts';
import {
  DEFAULT_REMINDER_MINUTES,
  isReminderDelay,
  REMINDER_CHOICES,
  reminderLabel,
} from '../progress/reminder.ts';
import {
  ACTION_SETTINGS_DAYS,
  ACTION_SETTINGS_REMINDER,
  ACTION_SETTINGS_TIME,
  ACTION_SETTINGS_TOPICS,
  BLOCK_SETTINGS_DAYS,
  BLOCK_SETTINGS_REMINDER,
  BLOCK_SETTINGS_TIME,
  BLOCK_SETTINGS_TOPICS,
  COMMAND,
  VIEW_SETTINGS,
} from './ids.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

/** What the modal edits and `parseSettings` returns: the subscription plus the reminder delay. */
export interface DrillSettings extends SubscribeArgs {
  /** Minutes after delivery, or null for no reminder. */
  reminderMinutes: number | null;
}

export interface SettingsModalInput {
  /** The user's IANA zone, shown read-only. */
  zone: string;
  /** The bank's topics, in its order. */
  topics: readonly { slug: string; title: string }[];
  /** The stored settings; null for someone not subscribed (the modal then shows the defaults). */
  current: DrillSettings | null;
}

/** Slack: a static select offers at most 100 options; an option's text is at most 75 characters. */
const MAX_SELECT_OPTIONS = 100;
const MAX_OPTION_TEXT = 75;
const OFF = 'off';

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: clip(text, MAX_OPTION_TEXT) }, value };
}

const DAY_OPTIONS = new Map<Weekday, PlainTextOption>(WEEKDAYS.map((d) => [d, option(WEEKDAY_LONG[d], d)]));
const REMINDER_OPTIONS = new Map<string, PlainTextOption>([
  [OFF, option('Off', OFF)],
  ...REMINDER_CHOICES.map((m): [string, PlainTextOption] => [
    String(m),
    option(`After ${reminderLabel(m)}`, String(m)),
  ]),
]);

/** The stored delay as an option; a delay the list does not offer (set another way) is added so it shows. */
function reminderOptions(current: number | null): { options: PlainTextOption[]; initial: PlainTextOption } {
  const options = [...REMINDER_OPTIONS.values()];
  const key = current === null ? OFF : String(current);
  let initial = REMINDER_OPTIONS.get(key);
  if (initial === undefined) {
    initial = option(`After ${reminderLabel(current)}`, key);
    options.push(initial);
    options.sort((a, b) => (a.value === OFF ? -1 : b.value === OFF ? 1 : Number(a.value) - Number(b.value)));
  }
  return { options, initial };
}

export function settingsModal({ zone, topics, current }: SettingsModalInput): ModalView {
  const settings: DrillSettings = current ?? {
    minuteOfDay: DEFAULT_MINUTE_OF_DAY,
    days: DEFAULT_DAYS,
    topics: [],
    reminderMinutes: DEFAULT_REMINDER_MINUTES,
  };
  const topicOptions = topics.slice(0, MAX_SELECT_OPTIONS).map((t) => option(t.title, t.slug));
  const chosenTopics = settings.topics.flatMap((slug) => topicOptions.filter((o) => o.value === slug));
  const reminder = reminderOptions(settings.reminderMinutes);
  const intro = current
    ? `Change when and what you drill. Saving is the same as \`${COMMAND} subscribe\`.`
    : `Choose when and what to drill, then save to subscribe (the same as \`${COMMAND} subscribe\`).`;

  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: intro } },
    {
      type: 'input',
      block_id: BLOCK_SETTINGS_TIME,
      label: { type: 'plain_text', text: 'Time' },
      // The picker shows times as the person's device does (09:00 or 9:00 AM): say only what is true in
      // every locale.
      hint: { type: 'plain_text', text: `Your local time (${zone}).` },
      element: {
        type: 'timepicker',
        action_id: ACTION_SETTINGS_TIME,
        initial_time: formatMinuteOfDay(settings.minuteOfDay),
      },
    },
    {
      type: 'input',
      block_id: BLOCK_SETTINGS_DAYS,
      label: { type: 'plain_text', text: 'Days' },
      element: {
        type: 'checkboxes',
        action_id: ACTION_SETTINGS_DAYS,
        options: [...DAY_OPTIONS.values()],
        initial_options: weekdaysOf(settings.days).map((d) => DAY_OPTIONS.get(d) as PlainTextOption),
      },
    },
    {
      type: 'input',
      block_id: BLOCK_SETTINGS_TOPICS,
      optional: true,
      label: { type: 'plain_text', text: 'Topics' },
      hint: { type: 'plain_text', text: 'Leave empty to drill every topic.' },
      element: {
        type: 'multi_static_select',
        action_id: ACTION_SETTINGS_TOPICS,
        placeholder: { type: 'plain_text', text: 'All topics' },
        options: topicOptions,
        ...(chosenTopics.length > 0 ? { initial_options: chosenTopics } : {}),
      },
    },
    {
      type: 'input',
      block_id: BLOCK_SETTINGS_REMINDER,
      label: { type: 'plain_text', text: 'Reminder' },
      hint: {
        type: 'plain_text',
        text: 'One nudge in the drill’s thread if it is still unanswered; never between 21:00 and 08:00.',
      },
      element: {
        type: 'static_select',
        action_id: ACTION_SETTINGS_REMINDER,
        options: reminder.options,
        initial_option: reminder.initial,
      },
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: clip(
            `:earth_africa: Time zone: *${escapeMrkdwn(zone)}*, from your Slack profile. Change it in Slack and your drills follow.`,
          ),
        },
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEW_SETTINGS,
    title: { type: 'plain_text', text: 'Drill settings' },
    submit: { type: 'plain_text', text: current ? 'Save' : 'Subscribe' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

const SelectedOption = z.object({ value: z.string() });
const StateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
const TimeState = z.object({ selected_time: z.string().nullish() });
const OptionsState = z.object({ selected_options: z.array(SelectedOption).nullish() });
const OptionState = z.object({ selected_option: SelectedOption.nullish() });

export type SettingsResult =
  | { ok: true; value: DrillSettings }
  | { ok: false; errors: Record<string, string> };

/** Messages beside each field, keyed by its block_id. */
export const SETTINGS_ERRORS = {
  time: 'Choose a time.',
  days: 'Choose at least one day.',
  topics: 'Choose topics from the list (it may have changed: reopen the settings).',
  reminder: 'Choose a reminder delay, or Off.',
} as const;

/**
 * The submitted `view.state.values` as settings, or an error per field. Anything unexpected (a value
 * not offered, a missing block, a hostile payload) is a field error, never an exception.
 *
 * @param topicSlugs the bank's topic slugs: a submitted topic must be one of them.
 */
export function parseSettings(values: unknown, topicSlugs: ReadonlySet<string>): SettingsResult {
  const state = StateValues.safeParse(values);
  const field = (block: string, action: string): unknown =>
    state.success ? state.data[block]?.[action] : undefined;
  const errors: Record<string, string> = {};

  const time = TimeState.safeParse(field(BLOCK_SETTINGS_TIME, ACTION_SETTINGS_TIME));
  const minuteOfDay = time.success && time.data.selected_time ? parseClock(time.data.selected_time) : null;
  if (minuteOfDay === null) errors[BLOCK_SETTINGS_TIME] = SETTINGS_ERRORS.time;

  const dayState = OptionsState.safeParse(field(BLOCK_SETTINGS_DAYS, ACTION_SETTINGS_DAYS));
  const dayValues = dayState.success ? (dayState.data.selected_options ?? []).map((o) => o.value) : [];
  const days = dayValues.filter((v): v is Weekday => DAY_OPTIONS.has(v as Weekday));
  if (days.length === 0 || days.length !== dayValues.length)
    errors[BLOCK_SETTINGS_DAYS] = SETTINGS_ERRORS.days;

  // The topics block is optional: Slack leaves it out, or sends an empty list, when nothing is chosen.
  const rawTopics = field(BLOCK_SETTINGS_TOPICS, ACTION_SETTINGS_TOPICS);
  const topicState = OptionsState.safeParse(rawTopics ?? {});
  const topicValues = topicState.success
    ? (topicState.data.selected_options ?? []).map((o) => o.value)
    : null;
  if (topicValues === null || topicValues.some((slug) => !topicSlugs.has(slug))) {
    errors[BLOCK_SETTINGS_TOPICS] = SETTINGS_ERRORS.topics;
  }

  const reminderState = OptionState.safeParse(field(BLOCK_SETTINGS_REMINDER, ACTION_SETTINGS_REMINDER));
  const reminderValue = reminderState.success ? reminderState.data.selected_option?.value : undefined;
  const reminderMinutes = reminderValue === OFF ? null : Number(reminderValue);
  if (reminderValue === undefined || (reminderMinutes !== null && !isReminderDelay(reminderMinutes))) {
    errors[BLOCK_SETTINGS_REMINDER] = SETTINGS_ERRORS.reminder;
  }

  if (Object.keys(errors).length > 0 || minuteOfDay === null || topicValues === null) {
    return { ok: false, errors };
  }
  const value: DrillSettings = {
    minuteOfDay,
    days: daysOf(days) as Days,
    topics: [...new Set(topicValues)],
    reminderMinutes: reminderMinutes as number | null,
  };
  return { ok: true, value };
}
