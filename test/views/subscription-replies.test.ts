// Bad inputs tried: zones east of UTC where the local date is already tomorrow (Pacific/Auckland), a
// half-hour zone (Asia/Kolkata), the spring-forward weekend in America/New_York, a next drill in the next
// year, minutes 0 and 1439; 60 topic titles of '<!channel>', '&', emoji and emoji after an odd prefix; a
// deactivation reason of '<!channel>', 3,000 '&' and 3,000 emoji; the real error strings of
// parseSubscribeArgs for '25:99', a 4,000-character token and '<!channel>' (user text echoed back).
// Day sets in scheduleLabel (Mon/Wed/Fri, Sundays, weekends); status with a pause over and ahead, an
// interview over, today and ahead (on the user's date, not UTC's), reminder off and on, recap off and on.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseSubscribeArgs } from '../../src/drills/subscribe-args.ts';
import {
  type DeliveryView,
  dayLabel,
  deliveryLabel,
  type ScheduleView,
  scheduleLabel,
  skipReply,
  statusReply,
  subscribedReply,
  subscribeUsageError,
  unsubscribedReply,
} from '../../src/views/subscription-replies.ts';
import { messageProblems, RAW_MENTION, shownText } from './limits.ts';

const NOT_SUBSCRIBED =
  'You are not subscribed to daily drills. Start with `/star subscribe [HH:MM] [daily|weekdays] [topic ...]`, e.g. `/star subscribe 09:00 weekdays`.';

// Mon 9 Mar 2026, 12:00 UTC = 17:30 in Kolkata (UTC+5:30).
const NOW = new Date('2026-03-09T12:00:00Z');
const KOLKATA: ScheduleView = { minuteOfDay: 9 * 60, days: 'weekdays', zone: 'Asia/Kolkata', topics: [] };
// 09:00 in Kolkata is 03:30 UTC.
const TUE: DeliveryView = { localDate: '2026-03-10', dueAt: new Date('2026-03-10T03:30:00Z') };
const WED: DeliveryView = { localDate: '2026-03-11', dueAt: new Date('2026-03-11T03:30:00Z') };

const only = (m: { text: string; blocks: unknown[] }) => {
  expect(m.blocks).toHaveLength(1);
  expect(shownText(m.blocks)).toBe(m.text);
  expect(messageProblems(m)).toEqual([]);
  return m.text;
};

describe('scheduleLabel', () => {
  it.each([
    [540, 'weekdays', 'Asia/Kolkata', '09:00 Asia/Kolkata, weekdays'],
    [0, 'daily', 'UTC', '00:00 UTC, every day'],
    [1439, 'daily', 'America/New_York', '23:59 America/New_York, every day'],
    [510, 'weekdays', 'Europe/London', '08:30 Europe/London, weekdays'],
    [540, 0b0010101, 'UTC', '09:00 UTC, Mon, Wed, Fri'],
    [540, 0b1000000, 'UTC', '09:00 UTC, Sundays'],
    [540, 0b1100000, 'UTC', '09:00 UTC, weekends'],
  ] as const)('%i %s %s -> %j', (minuteOfDay, days, zone, expected) => {
    expect(scheduleLabel({ minuteOfDay, days, zone })).toBe(expected);
  });
});

describe('deliveryLabel', () => {
  it.each([
    ['tomorrow, in a half-hour zone', TUE, 'Asia/Kolkata', NOW, 'Tue 10 Mar at 09:00 (tomorrow)'],
    [
      'today',
      { localDate: '2026-03-09', dueAt: new Date('2026-03-09T03:30:00Z') },
      'Asia/Kolkata',
      new Date('2026-03-09T02:00:00Z'),
      'Mon 9 Mar at 09:00 (today)',
    ],
    ['in two days: no relative word', WED, 'Asia/Kolkata', NOW, 'Wed 11 Mar at 09:00'],
    // 12:00 UTC on the 9th is already 01:00 on the 10th in Auckland (UTC+13): "today" is the user's today.
    [
      "today in the user's zone while still yesterday in UTC",
      { localDate: '2026-03-10', dueAt: new Date('2026-03-09T20:00:00Z') },
      'Pacific/Auckland',
      NOW,
      'Tue 10 Mar at 09:00 (today)',
    ],
    // New York springs forward on Sun 8 Mar 2026: 09:00 EDT is 13:00 UTC, the day before it was 14:00.
    [
      'tomorrow across the DST change',
      { localDate: '2026-03-08', dueAt: new Date('2026-03-08T13:00:00Z') },
      'America/New_York',
      new Date('2026-03-07T15:00:00Z'),
      'Sun 8 Mar at 09:00 (tomorrow)',
    ],
    [
      'the next year shows the year',
      { localDate: '2027-01-01', dueAt: new Date('2027-01-01T14:00:00Z') },
      'America/New_York',
      new Date('2026-12-31T20:00:00Z'),
      'Fri 1 Jan 2027 at 09:00 (tomorrow)',
    ],
  ] as const)('%s', (_name, delivery, zone, now, expected) => {
    expect(deliveryLabel(delivery, zone, now)).toBe(expected);
  });
});

describe('dayLabel', () => {
  it('names every day of three years (29 February 2028 among them) as luxon formats it in English', () => {
    let day = DateTime.fromISO('2027-12-25', { zone: 'utc', locale: 'en-US' });
    for (let i = 0; i < 3 * 366; i++, day = day.plus({ days: 1 })) {
      expect(dayLabel(day.toISODate() as string)).toBe(day.toFormat('ccc d LLL'));
    }
  });
});

describe('subscribedReply', () => {
  it('a first subscription: when, which topics, the next drill, and the commands', () => {
    const text = only(
      subscribedReply({ schedule: KOLKATA, next: TUE, now: NOW, changed: false, skipping: null }),
    );
    expect(text).toBe(
      [
        ':white_check_mark: Subscribed: a drill at *09:00 Asia/Kolkata, weekdays*, on all topics.',
        'Next drill: *Tue 10 Mar at 09:00 (tomorrow)*.',
        '`/star status` shows it, `/star skip` skips one, `/star unsubscribe` stops.',
      ].join('\n'),
    );
  });

  it('a change: says updated, names the topics, keeps the skip, shows the zone note', () => {
    const text = only(
      subscribedReply({
        schedule: {
          ...KOLKATA,
          days: 'daily',
          topics: ['Handling Production Incidents', 'Learning New Technologies Quickly'],
        },
        next: WED,
        now: NOW,
        changed: true,
        skipping: '2026-03-10',
        zoneNote: 'Slack did not give your time zone, so UTC is used.',
      }),
    );
    expect(text).toBe(
      [
        ':white_check_mark: Subscription updated: a drill at *09:00 Asia/Kolkata, every day*, on Handling Production Incidents, Learning New Technologies Quickly.',
        'Next drill: *Wed 11 Mar at 09:00*.',
        'You are still skipping the drill of Tue 10 Mar.',
        ':information_source: Slack did not give your time zone, so UTC is used.',
        '`/star status` shows it, `/star skip` skips one, `/star unsubscribe` stops.',
      ].join('\n'),
    );
  });

  it.each([
    ['<!channel>', '<!channel> & <@U0BOSS>'],
    ['3,000 &', '&'.repeat(3000)],
    ['3,000 emoji', '😀'.repeat(3000)],
    ['emoji after an odd prefix', `x${'😀'.repeat(2999)}`],
    // Titles cut to 100 characters: 60 titles of 3,000 '&' would make a 900,000-character fallback, which no
    // guide can produce; the section is clipped to 3,000 either way. The zone note is the bot's own mrkdwn
    // (subscribe.ts writes it around a validated IANA name), so it gets the real note, not user text.
  ])('60 topic titles of %s: one valid section, escaped', (_name, worst) => {
    const m = subscribedReply({
      schedule: { ...KOLKATA, topics: Array.from({ length: 60 }, () => [...worst].slice(0, 100).join('')) },
      next: TUE,
      now: NOW,
      changed: false,
      skipping: '2026-03-10',
      zoneNote:
        'Your Slack profile has no time zone I can use, so your drills follow UTC. Set your time zone in Slack and I will follow it.',
    });
    expect(messageProblems(m)).toEqual([]);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
    expect(shownText(m.blocks)).toMatch(
      /^:white_check_mark: Subscribed: a drill at \*09:00 Asia\/Kolkata, weekdays\*, on /,
    );
  });

  it('escapes topic titles', () => {
    const text = only(
      subscribedReply({
        schedule: { ...KOLKATA, topics: ['<!here> & co'] },
        next: TUE,
        now: NOW,
        changed: false,
        skipping: null,
      }),
    );
    expect(text.split('\n')[0]).toBe(
      ':white_check_mark: Subscribed: a drill at *09:00 Asia/Kolkata, weekdays*, on &lt;!here&gt; &amp; co.',
    );
  });
});

describe('subscribeUsageError', () => {
  it('shows the parser error and says nothing changed', () => {
    const parsed = parseSubscribeArgs('25:99', () => null);
    expect(parsed.ok).toBe(false);
    const text = only(subscribeUsageError(parsed.ok ? '' : parsed.error));
    expect(text).toBe(
      ':warning: `25:99` is not a time: hours go from 00 to 23, minutes from 00 to 59. Use `/star subscribe [HH:MM] [daily|weekdays] [topic ...]`, e.g. `/star subscribe 08:30 weekdays incidents`.\nNothing was changed.',
    );
  });

  it('fits one section for a 4,000-character token', () => {
    const parsed = parseSubscribeArgs('z'.repeat(4000), () => null);
    const m = subscribeUsageError(parsed.ok ? '' : parsed.error);
    expect(messageProblems(m)).toEqual([]);
    expect(m.text.startsWith(':warning: `zzz')).toBe(true);
  });

  // Regression test (a bug this test found): the parser's errors quote what the user typed ("`<token>` is not a topic I know.") and
  // subscribeUsageError passes it to plainReply unescaped, so `/star subscribe <!channel>` answers with a raw
  // `<!channel>` (and `<https://evil|docs>` becomes a live link). Every other echo of user text is escaped.
  // Fix in src/views/subscription-replies.ts: escapeMrkdwn(error) (the error's own markup is only backticks).
  it('escapes the user text quoted in the error', () => {
    const parsed = parseSubscribeArgs('<!channel>', () => null);
    const m = subscribeUsageError(parsed.ok ? '' : parsed.error);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
    expect(shownText(m.blocks)).toContain('`&lt;!channel&gt;` is not a topic I know.');
  });
});

describe('unsubscribedReply', () => {
  it('when a subscription ended: says so, and that history stays', () => {
    expect(only(unsubscribedReply(true))).toBe(
      ':wave: Unsubscribed: no more daily drills. Your drills and answers stay (`/star history`); `/star subscribe` starts again.',
    );
  });

  it('when there was none: says how to subscribe and that nothing was stopped', () => {
    expect(only(unsubscribedReply(false))).toBe(`${NOT_SUBSCRIBED}\nThere was nothing to stop.`);
  });
});

describe('skipReply', () => {
  it('not subscribed: nothing to skip', () => {
    expect(only(skipReply({ subscribed: false }))).toBe(`${NOT_SUBSCRIBED}\nThere is no drill to skip.`);
  });

  it('a skip: which day is skipped and when the next one comes', () => {
    const text = only(
      skipReply({
        subscribed: true,
        skipped: '2026-03-10',
        next: WED,
        zone: 'Asia/Kolkata',
        now: NOW,
        already: false,
      }),
    );
    expect(text).toBe(
      ':fast_forward: Skipped the drill of *Tue 10 Mar*. The next one comes *Wed 11 Mar at 09:00*.',
    );
  });

  it('a second skip: already skipping, one at a time, how to pause longer', () => {
    const text = only(
      skipReply({
        subscribed: true,
        skipped: '2026-03-10',
        next: WED,
        zone: 'Asia/Kolkata',
        now: NOW,
        already: true,
      }),
    );
    expect(text).toBe(
      'You are already skipping the drill of *Tue 10 Mar*; `skip` skips one drill at a time. The next one comes *Wed 11 Mar at 09:00*. To pause longer, `/star unsubscribe`.',
    );
  });
});

describe('statusReply', () => {
  it('not subscribed: how to subscribe, and the count of answers', () => {
    expect(only(statusReply({ answered: 3, subscription: null }, NOW))).toBe(
      `${NOT_SUBSCRIBED}\nDrills answered: *3*.`,
    );
  });

  it('unsubscribed by the user (no reason): the same as never subscribed', () => {
    expect(
      only(statusReply({ answered: 0, subscription: { active: false, deactivatedReason: null } }, NOW)),
    ).toBe(`${NOT_SUBSCRIBED}\nDrills answered: *0*.`);
  });

  it('deactivated because Slack could not deliver: says why, with the error code', () => {
    const text = only(
      statusReply(
        { answered: 12, subscription: { active: false, deactivatedReason: 'account_inactive' } },
        NOW,
      ),
    );
    expect(text).toBe(
      `Your daily drills stopped because Slack could not deliver them (\`account_inactive\`). ${NOT_SUBSCRIBED}\nDrills answered: *12*.`,
    );
  });

  it.each([
    ['<!channel>', '<!channel>'],
    ['3,000 &', '&'.repeat(3000)],
    ['3,000 emoji', '😀'.repeat(3000)],
  ])('a deactivation reason of %s is escaped and clipped whole', (_name, reason) => {
    const m = statusReply({ answered: 1, subscription: { active: false, deactivatedReason: reason } }, NOW);
    expect(messageProblems(m)).toEqual([]);
    expect(shownText(m.blocks)).not.toMatch(RAW_MENTION);
  });

  it('subscribed: schedule, topics, zone, next drill, answers', () => {
    const text = only(
      statusReply(
        { answered: 5, subscription: { active: true, schedule: KOLKATA, next: TUE, skipping: null } },
        NOW,
      ),
    );
    expect(text).toBe(
      [
        ':calendar: *Daily drills: on* at *09:00 Asia/Kolkata, weekdays*',
        'Topics: all topics',
        'Time zone: Asia/Kolkata',
        'Next drill: *Tue 10 Mar at 09:00 (tomorrow)*',
        'Drills answered: *5*.',
      ].join('\n'),
    );
  });

  it('subscribed with topics, a skip, and the next drill not yet scheduled', () => {
    const text = only(
      statusReply(
        {
          answered: 0,
          subscription: {
            active: true,
            schedule: { ...KOLKATA, topics: ['Cross-Functional Collaboration', '<!here>'] },
            next: null,
            skipping: '2026-03-10',
          },
        },
        NOW,
      ),
    );
    expect(text).toBe(
      [
        ':calendar: *Daily drills: on* at *09:00 Asia/Kolkata, weekdays*',
        'Topics: Cross-Functional Collaboration, &lt;!here&gt;',
        'Time zone: Asia/Kolkata',
        'Next drill: *being scheduled*',
        'Skipping: Tue 10 Mar',
        'Drills answered: *0*.',
      ].join('\n'),
    );
  });
});

describe('statusReply with pause, interview, reminder and recap', () => {
  const base = { active: true as const, schedule: KOLKATA, next: TUE, skipping: null };
  const lines = (extra: object) =>
    only(statusReply({ answered: 2, subscription: { ...base, ...extra } }, NOW))
      .split('\n')
      .slice(4, -1);

  it('shows a pause still ahead and the countdown, reminder and recap', () => {
    expect(
      lines({ pausedUntil: '2026-03-16', interviewDate: '2026-03-12', reminderMinutes: 240, recap: true }),
    ).toEqual([
      'Paused: until *Mon 16 Mar* (drills start again that day)',
      'Interview: *3 days to your interview* (Thu 12 Mar): a drill every day, weakest topics first',
      'Reminder: after 4 hours',
      'Weekly recap: on',
    ]);
  });

  it('uses the user’s date: 17:30 in Kolkata on Monday 9 March', () => {
    expect(lines({ interviewDate: '2026-03-09', reminderMinutes: null, recap: false })).toEqual([
      'Interview: *Your interview is today*. Good luck!',
      'Reminder: off',
      'Weekly recap: off',
    ]);
  });

  it('says nothing of a pause or an interview that is over, nor of fields not given', () => {
    expect(lines({ pausedUntil: '2026-03-09', interviewDate: '2026-03-08' })).toEqual([]);
  });
});
