// Bad inputs tried: no subscription, no answers, no streak; a subscription whose next drill is not known
// yet; a pause and an interview already over, in force, and on their last day; 0, 5, 6 and 100 unanswered
// drills; 200 topics with titles of 3,000 emoji, '&', '<' and '<!channel>' (more than fit one section each);
// question texts of the same worst texts; drill ids 1 and 999999999; dates in another year; Kolkata's date
// a day ahead of UTC's.
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { READINESS_HELP, type TopicReadiness } from '../../src/progress/readiness.ts';
import type { TopicProgress } from '../../src/progress/topic-stats.ts';
import { answerClickSchema } from '../../src/slack/parse-payloads.ts';
import { type HomeData, type HomeSubscription, homeView } from '../../src/views/home.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_HOME_SUBSCRIBE,
  ACTION_OPEN_SETTINGS,
  BLOCK_HOME_ACTIONS,
  BLOCK_HOME_NEXT,
  BLOCK_HOME_UNANSWERED_PREFIX,
} from '../../src/views/ids.ts';
import { homeProblems, RAW_MENTION, shownText, textObjects, WORST_PARTS } from './limits.ts';

const NY = 'America/New_York';
const NOW = new Date('2026-03-10T15:00:00Z'); // Tue 10 Mar 11:00 EDT

const readiness = (level: TopicReadiness['level'], score = 0.5): TopicReadiness => ({
  score,
  level,
  rated: 1,
  total: 4,
  due: 0,
});

const INCIDENTS: TopicProgress = {
  slug: 'incidents',
  title: 'Handling Production Incidents',
  answered: 5,
  averageScore: 62,
  trend: { direction: 'up', delta: 8, recent: 66, earlier: 58 },
  readiness: readiness('getting there'),
  lastPractised: new Date('2026-03-09T14:00:00Z'),
};
const CONFLICT: TopicProgress = {
  slug: 'conflict',
  title: 'Conflict & <Disagreement>',
  answered: 0,
  averageScore: null,
  trend: null,
  readiness: { score: 0, level: 'not started', rated: 0, total: 3, due: 0 },
  lastPractised: null,
};

const SUBSCRIPTION: HomeSubscription = {
  minuteOfDay: 540,
  days: 'weekdays',
  topicTitles: [],
  next: { localDate: '2026-03-11', dueAt: new Date('2026-03-11T13:00:00Z') },
  pausedUntil: null,
  interviewDate: null,
  reminderMinutes: 240,
};

function data(over: Partial<HomeData> = {}): HomeData {
  return {
    zone: NY,
    now: NOW,
    streak: { current: 4, longest: 9, today: 'due' },
    topics: [INCIDENTS, CONFLICT],
    subscription: SUBSCRIPTION,
    unanswered: [],
    ...over,
  };
}

const unanswered = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    drillId: 100 + i,
    topicTitle: 'Handling Production Incidents',
    questionText: `Question ${i}?`,
    sentAt: new Date(Date.parse('2026-03-09T13:00:00Z') - i * 86_400_000),
  }));

const sectionText = (b: KnownBlock | undefined) => ((b as SectionBlock).text?.text ?? '') as string;
const byId = (blocks: KnownBlock[], id: string) => blocks.find((b) => 'block_id' in b && b.block_id === id);

describe('homeView', () => {
  it('subscribed, nothing waiting: header, streak, next drill, topics, settings', () => {
    const view = homeView(data());
    expect(view.type).toBe('home');
    expect(view.blocks.map((b) => b.type)).toEqual([
      'header',
      'section', // streak
      'section', // next drill
      'divider',
      'section', // topics heading
      'section', // incidents
      'context', // not started
      'context', // how readiness is derived
      'divider',
      'actions',
      'context',
    ]);
    expect(sectionText(view.blocks[1])).toBe(
      ':fire: *Streak: 4 drill days* · longest 9\nAnswer today’s drill to make it 5.',
    );
    expect(sectionText(byId(view.blocks, BLOCK_HOME_NEXT))).toBe(
      ':calendar: *Next drill:* Wed 11 Mar at 09:00 (tomorrow)\n09:00 America/New_York, weekdays · all topics · reminder 4 hours',
    );
    expect(sectionText(view.blocks[5])).toBe(
      '*Handling Production Incidents*\n▰▰▰▱▱ 62 · ↑ +8\ngetting there · 5 answered · last Mon 9 Mar',
    );
    expect(shownText(view.blocks[6])).toBe('Not started yet: Conflict &amp; &lt;Disagreement&gt;');
    expect(shownText(view.blocks[7])).toBe(READINESS_HELP);
    expect(shownText(view.blocks.at(-1))).toBe(
      'Dates and times are in America/New_York. `/star help` lists every command.',
    );
    expect(homeProblems(view)).toEqual([]);
  });

  it('the Settings and Role buttons', () => {
    const actions = byId(homeView(data()).blocks, BLOCK_HOME_ACTIONS) as Extract<
      KnownBlock,
      { type: 'actions' }
    >;
    expect(actions.elements).toEqual([
      {
        type: 'button',
        action_id: ACTION_OPEN_SETTINGS,
        text: { type: 'plain_text', text: ':gear: Settings', emoji: true },
      },
      {
        type: 'button',
        action_id: 'open_role',
        text: { type: 'plain_text', text: ':briefcase: Role', emoji: true },
      },
    ]);
    expect([ACTION_OPEN_SETTINGS, ACTION_HOME_SUBSCRIBE, BLOCK_HOME_NEXT, BLOCK_HOME_ACTIONS]).toEqual([
      'open_settings',
      'home_subscribe',
      'home_next',
      'home_actions',
    ]);
  });

  it('not subscribed: says so with a Subscribe button; no answers yet', () => {
    const view = homeView(
      data({ subscription: null, topics: [CONFLICT], streak: { current: 0, longest: 0, today: 'due' } }),
    );
    const next = byId(view.blocks, BLOCK_HOME_NEXT) as SectionBlock;
    expect(sectionText(next)).toBe(
      ':calendar: *Not subscribed:* no drills come on their own. Subscribe to get one at your time.',
    );
    expect(next.accessory).toEqual({
      type: 'button',
      action_id: ACTION_HOME_SUBSCRIBE,
      style: 'primary',
      text: { type: 'plain_text', text: 'Subscribe' },
    });
    expect(sectionText(view.blocks[1])).toBe(':fire: *Streak:* none yet. Answer today’s drill to start one.');
    expect(shownText(view)).toContain(
      '*Your topics*\nNo answers yet: your progress per topic shows here after your first drill.',
    );
    expect(homeProblems(view)).toEqual([]);
  });

  it.each([
    [{ current: 0, longest: 0, today: 'off' }, ':fire: *Streak:* none yet. Answer a drill to start one.'],
    [
      { current: 3, longest: 3, today: 'answered' },
      ':fire: *Streak: 3 drill days*\n:white_check_mark: Today’s drill is done.',
    ],
    [{ current: 1, longest: 1, today: 'off' }, ':fire: *Streak: 1 drill day*'],
    [
      { current: 0, longest: 7, today: 'due' },
      ':fire: *Streak: 0 drill days* · longest 7\nAnswer today’s drill to make it 1.',
    ],
  ] as const)('streak %j', (streak, text) => {
    expect(sectionText(homeView(data({ streak })).blocks[1])).toBe(text);
  });

  it('pause and interview in force, a chosen set of topics, reminders off, next not known yet', () => {
    const view = homeView(
      data({
        subscription: {
          ...SUBSCRIPTION,
          days: 0b0010101,
          topicTitles: ['Conflict & <Disagreement>', 'Ownership'],
          next: null,
          pausedUntil: '2026-03-14',
          interviewDate: '2026-03-13',
          reminderMinutes: null,
        },
      }),
    );
    expect(view.blocks.slice(2, 5).map(sectionText)).toEqual([
      ':calendar: *Next drill:* being scheduled\n09:00 America/New_York, Mon, Wed, Fri · Conflict &amp; &lt;Disagreement&gt;, Ownership · reminder off',
      ':double_vertical_bar: *Paused* until Sat 14 Mar: drills start again that day. `/star resume` ends the pause now.',
      ':dart: *3 days to your interview* (Fri 13 Mar): a drill every day until then, weakest topics first.',
    ]);
    expect(homeProblems(view)).toEqual([]);
  });

  it('a pause or interview that is over shows nothing; the interview day says so; other years show the year', () => {
    const over = homeView(
      data({ subscription: { ...SUBSCRIPTION, pausedUntil: '2026-03-10', interviewDate: '2026-03-09' } }),
    );
    expect(shownText(over)).not.toContain('Paused');
    expect(shownText(over)).not.toContain('interview');
    const today = homeView(
      data({ subscription: { ...SUBSCRIPTION, interviewDate: '2026-03-10', pausedUntil: '2027-01-04' } }),
    );
    expect(shownText(today)).toContain(':dart: *Your interview is today* Good luck!');
    expect(shownText(today)).toContain('*Paused* until Mon 4 Jan 2027');
  });

  it('unanswered drills: the newest five, each with an Answer button the drill listener takes', () => {
    const view = homeView(data({ unanswered: unanswered(7) }));
    expect(shownText(view)).toContain('*Waiting for your answer* (7)');
    const rows = view.blocks.filter(
      (b): b is SectionBlock =>
        b.type === 'section' && (b.block_id ?? '').startsWith(BLOCK_HOME_UNANSWERED_PREFIX),
    );
    expect(rows.map((r) => r.block_id)).toEqual([
      'home_unanswered_100',
      'home_unanswered_101',
      'home_unanswered_102',
      'home_unanswered_103',
      'home_unanswered_104',
    ]);
    expect(sectionText(rows[0])).toBe('*Handling Production Incidents* · Mon 9 Mar\n_Question 0?_');
    expect(sectionText(rows[4])).toBe('*Handling Production Incidents* · Thu 5 Mar\n_Question 4?_');
    expect(rows[0]?.accessory).toEqual({
      type: 'button',
      action_id: ACTION_ANSWER_DRILL,
      value: '100',
      text: { type: 'plain_text', text: 'Answer' },
    });
    expect(shownText(view)).toContain('And 2 older drills: `/star history` lists them.');
    expect(homeProblems(view)).toEqual([]);
  });

  it.each([1, 999_999_999])('a click on the Home Answer button of drill %i passes the payload gate', (id) => {
    const view = homeView(
      data({ unanswered: [{ ...unanswered(1)[0], drillId: id } as HomeData['unanswered'][number]] }),
    );
    const row = byId(view.blocks, `${BLOCK_HOME_UNANSWERED_PREFIX}${id}`) as SectionBlock;
    const button = row.accessory as Button;
    const click = answerClickSchema.safeParse({
      type: 'block_actions',
      user: { id: 'U0OWNER' },
      trigger_id: '1.2.abc',
      // A click in the Home tab comes from a view, not a message.
      container: { type: 'view', view_id: 'V0HOME' },
      actions: [{ action_id: button.action_id, value: button.value, block_id: row.block_id }],
    });
    expect(click.success).toBe(true);
    expect(click.data?.actions[0]?.value).toBe(String(id));
  });

  it('exactly five unanswered: no "older" line', () => {
    expect(shownText(homeView(data({ unanswered: unanswered(5) })))).not.toContain('older');
  });

  it('dates are the user’s: the same instant is Tuesday in Kolkata', () => {
    const view = homeView(
      data({
        zone: 'Asia/Kolkata',
        subscription: null,
        unanswered: [
          { drillId: 1, topicTitle: 'T', questionText: 'Q', sentAt: new Date('2026-03-09T19:00:00Z') },
        ],
      }),
    );
    expect(shownText(view)).toContain('*T* · Tue 10 Mar');
  });

  describe('within Slack’s limits whatever the data', () => {
    it.each(Object.entries(WORST_PARTS))(
      '200 topics and 100 unanswered drills with texts of %s',
      (_, text) => {
        const topics = Array.from({ length: 200 }, (_, i) => ({
          ...INCIDENTS,
          slug: `t${i}`,
          title: text,
          answered: i % 3 === 0 ? 0 : i,
        }));
        const drills = unanswered(100).map((u) => ({ ...u, topicTitle: text, questionText: text }));
        const view = homeView(
          data({
            topics,
            unanswered: drills,
            subscription: { ...SUBSCRIPTION, topicTitles: Array(50).fill(text) },
          }),
        );
        expect(homeProblems(view)).toEqual([]);
        expect(view.blocks.length).toBeLessThanOrEqual(100);
        const mrkdwn = textObjects(view)
          .filter((t) => t.type === 'mrkdwn')
          .map((t) => t.text)
          .join('\n');
        expect(mrkdwn).not.toMatch(RAW_MENTION);
      },
    );

    it('many short topics share sections, whole, and all of them are shown', () => {
      const topics = Array.from({ length: 150 }, (_, i) => ({
        ...INCIDENTS,
        slug: `t${i}`,
        title: `Topic ${i}`,
      }));
      const view = homeView(data({ topics }));
      expect(homeProblems(view)).toEqual([]);
      const text = shownText(view);
      for (let i = 0; i < 150; i++) expect(text).toContain(`*Topic ${i}*\n▰▰▰▱▱ 62`);
      expect(view.blocks.length).toBeLessThan(30);
    });

    it('the limits helper counts Home blocks (so the checks above can fail)', () => {
      const view = homeView(data());
      const tooMany = { ...view, blocks: Array.from({ length: 101 }, () => view.blocks[3] as KnownBlock) };
      expect(homeProblems(tooMany)).toEqual(['101 blocks > 100']);
      expect(homeProblems({ ...view, type: 'modal' })).toEqual(['type modal']);
    });
  });
});
