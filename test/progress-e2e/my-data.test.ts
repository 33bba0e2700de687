// "My data" end to end: /star export (a Markdown file uploaded to the person's DM through files.uploadV2, read
// back from the local Slack) and /star delete (a confirmation modal, then every row about the person gone in one
// transaction, checked table by table, another person's rows untouched, a later /star subscribe starting fresh).
//
// Bad inputs tried: an answer full of Markdown (a heading, a quote, a list, a table row, ``` fences, <script>,
// <!channel>); export with nothing stored; export typed in a channel rather than the DM; 1,000 answers; the
// delete modal closed with "Keep my data"; delete for someone with no data; scheduler ticks after the delete at
// the moments the deleted drill, reminder and recap were due.

import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, drills, users } from '../../src/db/schema/index.ts';
import { SELF_RATING_LABELS } from '../../src/drills/review-cards.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import {
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_STAR_INPUT,
  BLOCK_FOLLOW_UP,
  VIEW_DELETE_DATA,
  VIEW_FOLLOW_UP,
} from '../../src/views/ids.ts';
import { repliesTo, requestDrill, starShown } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import { setRole } from '../support/role-driver.ts';
import { lastSharedFile } from '../support/shared-file.ts';
import {
  answer,
  drillsOf,
  openHome,
  type Posted,
  person,
  rate,
  scheduledDrill,
  star,
  strongAnswer,
  subscriptionOf,
  tick,
  topicAt,
} from './support.ts';

/** Tuesday 12 January 2027, 12:00 UTC (13:00 in Berlin). */
const { clock, t } = useProgressBot('2027-01-12T12:00:00Z');

const topic = (i: number) => topicAt(t, i);

/** The file the bot shared in the person's DM by the export just made: its name, comment and text. */
const exportedFile = (userId: string) => lastSharedFile(t, userId);

/** Practises the drill's first follow-up: the button in its thread, the one-field modal, submitted. */
async function practiseFollowUp(userId: string, d: Posted, text: string) {
  const holder = repliesTo(t, d.channel, d.ts).find((m) =>
    JSON.stringify(m.blocks).includes(`"${ACTION_PRACTISE_FOLLOW_UP}"`),
  );
  if (!holder) throw new Error('no follow-up button in the thread');
  await t.standin.clickButton(t.url, {
    userId,
    channel: d.channel,
    messageTs: holder.ts,
    actionId: ACTION_PRACTISE_FOLLOW_UP,
    value: `${d.drill.id}:1`,
  });
  await t.bot.idle();
  const modal = t.standin.openModal(userId);
  expect(modal?.view.callback_id).toBe(VIEW_FOLLOW_UP);
  const reply = await t.standin.submitView(t.url, {
    userId,
    viewId: modal?.id ?? '',
    values: { [BLOCK_FOLLOW_UP]: { [ACTION_STAR_INPUT]: text } },
  });
  expect(reply.body).toBe('');
  await t.bot.idle();
}

/** An answer whose words would be markup anywhere but inside a fence. */
const MARKUP_ANSWER: StarAnswer = {
  situation: '# Not a heading\n> not a quote\n- not a list\n| not | a table |',
  task: 'Keep ``` and ```` fences <script>alert(1)</script> as text',
  action: 'I told <!channel> & <@U0BOSS> what *I* did, step by step.',
  result: 'Latency fell from 900 ms to 120 ms; 1. not a numbered list',
};

describe('/star export', () => {
  it('uploads every drill and answer as Markdown to the DM: the question, the date, the four parts, score, rating, follow-ups', async () => {
    clock.set('2027-01-12T12:00:00Z');
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe 09:00 weekdays');
    const dm = t.standin.dmChannelFor(user);
    const answered = await requestDrill(t, user, topic(0).slug, dm);
    await answer(t, user, answered, MARKUP_ANSWER);
    await rate(t, user, answered, 'good');
    const followUpText = 'I would page the owner first, then\n```\nroll back\n```';
    await practiseFollowUp(user, answered, followUpText);
    clock.set('2027-01-13T12:00:00Z');
    const waiting = await requestDrill(t, user, topic(1).slug, dm);

    clock.set('2027-01-14T12:00:00Z');
    const reply = await star(t, user, 'export');
    // Typed in the DM, where the file lands: no extra ephemeral.
    expect(reply.text).toBe('');
    const { comment, name, markdown } = exportedFile(user);
    expect(name).toBe('star-drill-2027-01-14.md');
    expect(comment).toBe('Your Star Drill export: 2 drills, 1 answered, newest first.');
    const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, answered.drill.id));

    expect(markdown).toMatch(/^# Star Drill: your drills and answers\n/);
    expect(markdown).toContain('Exported 2027-01-14 13:00 (Europe/Berlin). 2 drills, 1 answered.');
    // Newest first: the unanswered drill, then the answered one.
    const headings = markdown.match(/^## .*$/gm) ?? [];
    expect(headings).toHaveLength(2);
    expect(headings[0]).toContain(`· ${topic(1).title}`);
    expect(headings[1]).toContain(`· ${topic(0).title}`);
    expect(markdown).toContain('_Not answered._');
    const section = markdown.slice(markdown.lastIndexOf('---\n'));
    expect(section).toContain(`· ${topic(0).title}`);
    expect(section).toContain(
      `**Question:** ${answered.drill.questionText.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&')}`,
    );
    expect(section).toContain(
      `**Answered:** 2027-01-12 13:00 · **Score:** ${row?.score}/100 · **Self-rating:** ${SELF_RATING_LABELS.good}`,
    );
    for (const [label, part] of [
      ['Situation', 'situation'],
      ['Task', 'task'],
      ['Action', 'action'],
      ['Result', 'result'],
    ] as const) {
      expect(section).toContain(`### ${label}`);
      expect(section).toContain(`\n${MARKUP_ANSWER[part]}\n`);
    }
    // The answer that holds ```` is fenced with five backticks, so none of its lines can close the fence.
    expect(section).toContain('`````text\nKeep ``` and ```` fences');
    expect(section).toContain('### Follow-up questions');
    expect(section).toContain(`**${topic(0).followUps[0]?.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&')}**`);
    expect(section).toContain(`\`\`\`\`text\n${followUpText}\n\`\`\`\``);
    expect(headings[0]).toBeDefined();
    expect(markdown).toContain(waiting.drill.questionText.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&'));
  });

  it('typed in a channel, says the file is in the DM; with nothing stored, says there is nothing to export', async () => {
    clock.set('2027-01-12T12:00:00Z');
    const user = person(t, 'Europe/Berlin');
    const d = await requestDrill(t, user, topic(2).slug, t.standin.dmChannelFor(user));
    await answer(t, user, d, strongAnswer(topic(2).slug));
    const { shown: said } = await starShown(t, user, 'export', { channelId: 'C0GENERAL' });
    expect(said.map((c) => c.args.text)).toEqual([':outbox_tray: Your export is in your DM with me.']);
    expect(exportedFile(user).comment).toContain('1 drill, 1 answered');

    const stranger = person(t, 'Europe/Berlin');
    expect((await star(t, stranger, 'export')).text).toContain('Nothing to export yet');
    expect(
      t.standin.callsTo('files.completeUploadExternal').some((c) => c.args.channel_id === stranger),
    ).toBe(false);
  });

  it('exports 1,000 answered drills', async () => {
    clock.set('2027-01-12T12:00:00Z');
    const user = person(t, 'Europe/Berlin');
    const dm = t.standin.dmChannelFor(user);
    // One drill through Slack (it makes the user and tells the bot the DM); 999 more stored directly, fast.
    const real = await requestDrill(t, user, topic(0).slug, dm);
    await answer(t, user, real, strongAnswer(topic(0).slug));
    const bank = t.bot.ctx.bank.topics;
    for (let batch = 0; batch < 999; batch += 333) {
      const inserted = await t.bot.ctx.db
        .insert(drills)
        .values(
          Array.from({ length: 333 }, (_, i) => {
            const n = batch + i;
            const tp = bank[n % bank.length] ?? topic(0);
            const q = tp.questions[n % tp.questions.length] ?? tp.questions[0];
            return {
              teamId: real.drill.teamId,
              userId: user,
              topicSlug: tp.slug,
              questionId: q?.id ?? '',
              questionText: q?.text ?? '',
              source: 'on_demand' as const,
              channelId: dm,
              messageTs: `1800000000.${String(n).padStart(6, '0')}`,
              createdAt: new Date(Date.parse('2024-01-01T09:00:00Z') + n * 86_400_000),
            };
          }),
        )
        .returning({ id: drills.id });
      await t.bot.ctx.db.insert(answers).values(
        inserted.map(({ id }, i) => ({
          drillId: id,
          situation: `Situation ${batch + i}: the queue backed up.`,
          task: `Task ${batch + i}: drain it.`,
          action: `Action ${batch + i}: I added a consumer.`,
          result: `Result ${batch + i}: the backlog cleared in 10 minutes.`,
          score: (batch + i) % 101,
          createdAt: new Date(Date.parse('2024-01-01T10:00:00Z') + (batch + i) * 86_400_000),
        })),
      );
    }
    const started = performance.now();
    await star(t, user, 'export');
    const ms = performance.now() - started;
    const { comment, markdown } = exportedFile(user);
    expect(comment).toBe('Your Star Drill export: 1000 drills, 1000 answered, newest first.');
    expect(markdown.match(/^## /gm)).toHaveLength(1000);
    expect(markdown.match(/\*\*Score:\*\* \d+\/100/g)).toHaveLength(1000);
    expect(markdown).toContain('Result 998: the backlog cleared in 10 minutes.');
    expect(markdown).toContain('## 2024-01-01 · ');
    expect(ms).toBeLessThan(10_000);
  });
});

/** Every table in the public schema. */
async function tables(): Promise<string[]> {
  const result = (await t.bot.ctx.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: Array<{ table_name: string }> };
  return result.rows.map((r) => r.table_name);
}

/** Rows of `table` that mention any of `needles` anywhere (the whole row as text), or hang from `drillIds`. */
async function rowsAbout(table: string, needles: string[], drillIds: number[]): Promise<number> {
  const columns = (await t.bot.ctx.db.execute(
    sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}`,
  )) as unknown as { rows: Array<{ column_name: string }> };
  const byDrill =
    columns.rows.some((c) => c.column_name === 'drill_id') && drillIds.length > 0
      ? sql` or t.drill_id in (${sql.join(
          drillIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  const mentions = sql.join(
    needles.map((n) => sql`t::text like ${`%${n}%`}`),
    sql` or `,
  );
  const result = (await t.bot.ctx.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} t where ${mentions}${byDrill}`,
  )) as unknown as { rows: Array<{ n: number }> };
  return Number(result.rows[0]?.n);
}

/** One person with a row in every table the bot keeps about people, made through Slack. */
async function everything(userId: string, marker: string) {
  clock.set('2027-01-11T06:00:00Z'); // Monday
  await star(t, userId, 'subscribe 08:00 weekdays');
  await tick(t, clock, '2027-01-11T07:00:00Z'); // the scheduled drill (with its reminder due at 11:00Z)
  const scheduled = await scheduledDrill(t, userId, '2027-01-11');
  clock.set('2027-01-11T09:00:00Z');
  await answer(t, userId, scheduled, {
    ...strongAnswer(scheduled.drill.topicSlug),
    result: `${marker} result`,
  });
  await rate(t, userId, scheduled, 'hard'); // review card
  await practiseFollowUp(userId, scheduled, `${marker} follow-up`);
  await requestDrill(t, userId, topic(4).slug, t.standin.dmChannelFor(userId)); // unanswered, for the reminder
  await tick(t, clock, '2027-01-12T07:00:00Z'); // Tuesday's drill, unanswered: its reminder is due at 11:00Z
  await tick(t, clock, '2027-01-12T11:00:00Z'); // reminded
  await tick(t, clock, '2027-01-18T07:00:00Z'); // Monday: the weekly recap of the week of 11 January
  clock.set('2027-01-18T09:00:00Z');
  await star(t, userId, 'pause 3d'); // days off
  await star(t, userId, 'interview 2027-02-01');
  await setRole(t, userId, `${marker} role`, 'Own on-call for payment systems.');
}

describe('/star delete', () => {
  it('asks first; Keep my data keeps everything', async () => {
    const user = person(t, 'Europe/Berlin');
    await star(t, user, 'subscribe');
    const opens = t.standin.count('views.open');
    await star(t, user, 'delete');
    expect(t.standin.count('views.open')).toBe(opens + 1);
    const modal = t.standin.openModal(user);
    expect(modal?.view.callback_id).toBe(VIEW_DELETE_DATA);
    expect(JSON.stringify(modal?.view.blocks)).toContain('This deletes, for good and at once');
    expect((modal?.view.close as { text: string } | undefined)?.text).toBe('Keep my data');
    t.standin.closeView(user, modal?.id ?? '');
    await t.bot.idle();
    expect(await subscriptionOf(t, user)).toBeDefined();
  });

  it('deletes every row about the person in every table, leaves another person’s alone, and a later subscribe starts fresh', async () => {
    const gone = person(t, 'Europe/Berlin');
    const kept = person(t, 'Europe/Berlin');
    await everything(gone, 'MARKER-GONE');
    await everything(kept, 'MARKER-KEPT');

    const goneDrills = (await drillsOf(t, gone)).map((d) => d.id);
    const keptDrills = (await drillsOf(t, kept)).map((d) => d.id);
    const all = await tables();
    // Every table that holds something about a person holds something about each of them now.
    const before = new Map<string, { gone: number; kept: number }>();
    for (const table of all) {
      before.set(table, {
        gone: await rowsAbout(table, [gone, 'MARKER-GONE'], goneDrills),
        kept: await rowsAbout(table, [kept, 'MARKER-KEPT'], keptDrills),
      });
    }
    const personal = [
      'answers',
      'days_off',
      'drill_stories',
      'drills',
      'follow_up_answers',
      'recaps',
      'review_cards',
      'roles',
      'stories',
      'subscriptions',
      'users',
    ];
    for (const table of personal) {
      expect({ table, ...before.get(table) }).toMatchObject({
        table,
        gone: expect.any(Number),
        kept: expect.any(Number),
      });
      expect(before.get(table)?.gone, table).toBeGreaterThan(0);
    }
    const [reminded] = await t.bot.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(drills)
      .where(sql`${drills.userId} = ${gone} and ${drills.remindedAt} is not null`);
    expect(reminded?.n).toBeGreaterThan(0);

    await star(t, gone, 'delete');
    const modal = t.standin.openModal(gone);
    const reply = await t.standin.submitView(t.url, { userId: gone, viewId: modal?.id ?? '', values: {} });
    expect(reply.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect(JSON.stringify(t.standin.openModal(gone)?.view.blocks)).toContain(
      'Deleted: everything Star Drill kept about you is gone.',
    );

    for (const table of all) {
      expect({ table, rows: await rowsAbout(table, [gone, 'MARKER-GONE'], goneDrills) }).toEqual({
        table,
        rows: 0,
      });
      expect({ table, rows: await rowsAbout(table, [kept, 'MARKER-KEPT'], keptDrills) }).toEqual({
        table,
        rows: before.get(table)?.kept,
      });
    }
    // The Home tab was published again, empty.
    const { text } = await openHome(t, gone);
    expect(text).toContain('Not subscribed');
    expect(text).toContain('*Streak:* none yet');
    expect(text).toContain('No answers yet');
    expect(await t.bot.ctx.db.select().from(users).where(eq(users.id, gone))).toEqual([]);

    // The moments the deleted drill, reminder and recap were due pass without a word to them.
    const posts = () => t.standin.callsTo('chat.postMessage').filter((c) => c.args.channel === gone).length;
    const postsBefore = posts();
    for (const at of ['2027-01-21T07:00:00Z', '2027-01-21T11:00:00Z', '2027-01-25T07:00:00Z']) {
      await tick(t, clock, at);
    }
    expect(posts()).toBe(postsBefore);

    // Starting again is starting fresh.
    clock.set('2027-01-26T06:00:00Z');
    await star(t, gone, 'subscribe 08:00 weekdays');
    expect(await subscriptionOf(t, gone)).toMatchObject({
      pausedUntil: null,
      interviewDate: null,
      lastRecapWeek: null,
      reminderMinutes: 240,
      recap: true,
    });
    const status = await star(t, gone, 'status');
    expect(status.text).toContain('Drills answered: *0*');
    expect(status.text).not.toContain('Paused');
    expect(status.text).not.toContain('Interview');
    expect((await star(t, gone, 'history')).text).toContain('No drills yet.');
    expect(await t.bot.ctx.db.select().from(drills).where(inArray(drills.id, goneDrills))).toEqual([]);
  });

  it('for someone with nothing stored, changes nothing and says it is done', async () => {
    const nobody = person(t, 'Europe/Berlin');
    await star(t, nobody, 'delete');
    const modal = t.standin.openModal(nobody);
    const reply = await t.standin.submitView(t.url, { userId: nobody, viewId: modal?.id ?? '', values: {} });
    expect(reply.status).toBe(200);
    await t.bot.idle();
    expect(JSON.stringify(t.standin.openModal(nobody)?.view.blocks)).toContain('Deleted');
  });
});
