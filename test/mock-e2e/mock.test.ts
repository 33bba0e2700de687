// The mock interview (`/star mock`) end to end, over HTTP against the local Slack, on the database the suite runs
// on (embedded, or the Postgres server with DATABASE_URL): six steps (three questions of three topics, weakest
// first, each followed by one of its follow-ups), each timed on the bot's clock from its post to its save, then
// one summary: per question the score, the time and the speaking time against two minutes, the strongest and
// weakest answer, two things to practise, the stories. Each answer is a drill like any other: its feedback in
// its thread, history, a self-rating that schedules a review, the streak and the count of drills answered, the
// export, and `/star delete` removes the mock.
//
// Bad inputs tried: blank STAR fields and a blank follow-up (field errors, nothing advances).

import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  answers,
  drillStories,
  drills,
  followUpAnswers,
  reviewCards,
  stories,
} from '../../src/db/schema/index.ts';
import { durationLabel, spokenAgainstTarget } from '../../src/drills/mock-interview.ts';
import { STAR_PARTS } from '../../src/drills/star-answer.ts';
import { CAP_TITLES } from '../../src/views/feedback-summary.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP } from '../../src/views/ids.ts';
import {
  answer,
  feedbackOf,
  openHome,
  person,
  rate,
  star,
  strongAnswer,
  topicAt,
} from '../progress-e2e/support.ts';
import { requestDrill, viewValues } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import { shownText } from '../support/shown-text.ts';
import {
  answerLatest,
  GOOD,
  latestStep,
  mockRows,
  openStep,
  slashMock,
  stepHeaders,
  stepPosts,
  summaries,
  THIN,
} from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T12:00:00Z');

/** Seconds each step takes on the bot's clock, all different, so the summary's times can be told apart. */
const TAKES = [95, 40, 150, 55, 130, 35];
const FOLLOW_UPS = [
  'I paged the database owner myself and we agreed the rollback in five minutes.',
  'I would do it again.',
  'I measured it: p99 latency went from 900 ms to 120 ms within a week of my change.',
];

describe('/star mock', () => {
  it('runs six timed steps of the weakest three topics and ends with one summary that says it all', async () => {
    const user = person(t, 'Europe/London');
    const dm = t.standin.dmChannelFor(user);
    // The first topic answered already: the mock starts with the three weakest (never answered) after it.
    const warmUp = await requestDrill(t, user, topicAt(t, 0).slug, dm);
    await answer(t, user, warmUp, strongAnswer(topicAt(t, 0).slug));
    // The mock comes the next day: its answers must make the streak two days (checked after the summary).
    clock.advance(24 * 60 * 60 * 1000);
    expect((await openHome(t, user)).text).toContain('*Streak: 1 drill day*');
    expect((await star(t, user, 'status')).text).toContain('Drills answered: *1*');

    const said = await slashMock(t, user);
    expect(said).toEqual([]); // typed in the DM: the question itself is the answer
    const [mock] = await mockRows(t, user);
    expect(mock?.questions.map((q) => q.topicSlug)).toEqual([1, 2, 3].map((i) => topicAt(t, i).slug));

    // Strong answers from the coach's calibration set for questions 1 and 3, a thin one for question 2.
    const partsOf = [strongAnswer(topicAt(t, 1).slug), THIN, strongAnswer(topicAt(t, 3).slug)];
    for (const [i, takes] of TAKES.entries()) {
      const step = latestStep(t, user);
      const q = Math.floor(i / 2);
      expect(step.kind).toBe(i % 2 === 0 ? 'star' : 'follow_up');
      expect(step.text).toContain(
        i % 2 === 0 ? `Mock interview · Question ${q + 1} of 3` : `Follow-up to question ${q + 1} of 3`,
      );
      expect(step.text).toContain(
        i % 2 === 0 ? mock?.questions[q]?.questionText : mock?.questions[q]?.followUpText,
      );
      clock.advance(takes * 1000);
      const given = i % 2 === 0 ? (partsOf[q] as typeof GOOD) : (FOLLOW_UPS[q] as string);
      const { reply } = await answerLatest(t, user, given);
      expect(reply.body).toBe('');
    }
    expect(stepHeaders(t, user)).toEqual([
      'Mock interview · Question 1 of 3',
      'Mock interview · Follow-up to question 1 of 3',
      'Mock interview · Question 2 of 3',
      'Mock interview · Follow-up to question 2 of 3',
      'Mock interview · Question 3 of 3',
      'Mock interview · Follow-up to question 3 of 3',
    ]);

    const [done] = await mockRows(t, user);
    expect(done).toMatchObject({ step: 6, endReason: 'completed' });
    expect(done?.summaryPostedAt).not.toBeNull();
    expect(done?.timings.map((x) => x.seconds)).toEqual(TAKES);

    // The mock's answers count as drills answered today: the streak grew, and so did the count.
    expect((await openHome(t, user)).text).toContain('*Streak: 2 drill days*');
    expect((await star(t, user, 'status')).text).toContain('Drills answered: *4*');

    // What is stored, read back: each answer's score and speaking time, each follow-up's, each story.
    const drillIds = done?.drillIds ?? [];
    const stored = await Promise.all(
      drillIds.map(async (id, q) => {
        const [a] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, id));
        const [f] = await t.bot.ctx.db.select().from(followUpAnswers).where(eq(followUpAnswers.drillId, id));
        const [s] = await t.bot.ctx.db
          .select({ title: stories.title })
          .from(drillStories)
          .innerJoin(stories, eq(stories.id, drillStories.storyId))
          .where(eq(drillStories.drillId, id));
        if (!a?.feedback || a.score === null || !f?.feedback || f.score === null || !s)
          throw new Error(`question ${q + 1} was not stored and scored`);
        return { answer: a, followUp: f, story: s.title };
      }),
    );
    expect(stored).toHaveLength(3);

    // The follow-up's message already said how question 1 went: its time, its speaking time against 2 min.
    expect(stepPosts(t, user)[1]).toContain(
      `Your answer to question 1: answered in ${durationLabel(TAKES[0] as number)} · ${spokenAgainstTarget(stored[0]?.answer.feedback?.speakingSeconds as number)}.`,
    );

    // One summary, saying everything.
    const posted = summaries(t, user);
    expect(posted).toHaveLength(1);
    const text = shownText(posted[0]?.blocks);
    expect(text).toContain('Mock interview: summary');
    expect(text).toContain('You answered *6 of 6* steps');
    for (const [q, s] of stored.entries()) {
      const star = s.answer;
      const fu = s.followUp;
      expect(text).toContain(
        `STAR answer: *${star.score}/100* · answered in ${durationLabel(TAKES[2 * q] as number)} · ${spokenAgainstTarget(star.feedback?.speakingSeconds as number)}`,
      );
      expect(text).toContain(
        `Follow-up: *${fu.score}/100* · answered in ${durationLabel(TAKES[2 * q + 1] as number)} · ${spokenAgainstTarget(fu.feedback?.speakingSeconds as number)}`,
      );
      expect(text).toContain(`Story: ${s.story}`);
    }
    // The speaking times are the coach's 150 words a minute, against two minutes.
    for (const s of stored)
      expect(s.answer.feedback?.speakingSeconds).toBe(
        Math.round(((s.answer.feedback?.words.total ?? 0) / 150) * 60),
      );
    expect(text).toMatch(/(within|over) 2 min/);
    const scores = stored.map((s) => s.answer.score as number);
    // The thin answer scores below both strong ones: it is the weakest, one of the others the strongest.
    expect(scores[1]).toBeLessThan(Math.min(scores[0] as number, scores[2] as number));
    const strongest = scores.indexOf(Math.max(...scores));
    expect(text).toContain(
      `Strongest answer: question ${strongest + 1} (${topicAt(t, strongest + 1).title}, ${scores[strongest]}/100)`,
    );
    expect(text).toContain(`Weakest answer: question 2 (${topicAt(t, 2).title}, ${scores[1]}/100)`);
    // Two things to practise, each a check one of the answers failed (or a cap one of them met).
    const practise = text.slice(text.indexOf('*Practise next*')).split('\n').slice(1, 3);
    expect(practise).toHaveLength(2);
    const feedbacks = stored.flatMap((s) => [s.answer.feedback, s.followUp.feedback]);
    const failed = new Set([
      ...feedbacks.flatMap((f) => f?.checks.filter((c) => !c.passed).map((c) => c.label) ?? []),
      ...feedbacks.flatMap((f) => f?.caps?.map((c) => CAP_TITLES[c.id]) ?? []),
    ]);
    const titles = practise.map((line, n) => {
      expect(line.startsWith(`${n + 1}. *`), line).toBe(true);
      return /^\d\. \*([^*]+)\*/.exec(line)?.[1] ?? '';
    });
    for (const title of titles) expect(failed).toContain(title);
    expect(new Set(titles).size).toBe(2);
    expect(text).toContain(`*Stories used:* ${[...new Set(stored.map((s) => s.story))].join(' · ')}`);

    // Each answer is a drill like any other: feedback in its thread, in /star history, rated for review.
    const mockDrills = await t.bot.ctx.db.select().from(drills).where(inArray(drills.id, drillIds));
    expect(mockDrills.map((d) => d.source)).toEqual(['on_demand', 'on_demand', 'on_demand']);
    const firstDrill = mockDrills.find((d) => d.id === drillIds[0]);
    const posted0 = {
      drill: { id: drillIds[0] as number },
      channel: dm,
      ts: firstDrill?.messageTs as string,
    };
    expect(feedbackOf(t, posted0)).toBeDefined();
    await rate(t, user, posted0, 'good');
    const cards = await t.bot.ctx.db.select().from(reviewCards).where(eq(reviewCards.userId, user));
    expect(cards.map((c) => c.questionId)).toContain(mock?.questions[0]?.questionId);
    await star(t, user, 'history');
    const history = shownText(t.standin.ephemerals(user).at(-1)?.args.blocks);
    for (const q of mock?.questions ?? []) expect(history).toContain(q.questionText.slice(0, 30));

    // The export holds the mock, scores and times; /star delete removes it.
    await star(t, user, 'export');
    const file = t.standin
      .messages(dm)
      .filter((m) => (m.files?.length ?? 0) > 0)
      .at(-1)?.files?.[0];
    const markdown = t.standin.file(file?.id ?? '')?.bytes?.toString('utf8') ?? '';
    expect(markdown).toContain('Mock interview (completed)');
    expect(markdown).toContain('6 of 6 steps answered.');
    expect(markdown).toContain(
      `STAR answer: ${scores[0]}/100 · answered in ${durationLabel(TAKES[0] as number)}`,
    );
    await star(t, user, 'delete');
    const modal = t.standin.openModal(user);
    await t.standin.submitView(t.url, { userId: user, viewId: modal?.id ?? '', values: {} });
    await t.bot.idle();
    expect(await mockRows(t, user)).toEqual([]);
  }, 120_000);

  it('refuses blank fields with field errors, and nothing moves on', async () => {
    const user = person(t, 'Europe/Berlin');
    await slashMock(t, user);
    const step = latestStep(t, user);
    const { viewId } = await openStep(t, user, step.message, step.button);
    const refused = await t.standin.submitView(t.url, {
      userId: user,
      viewId,
      values: viewValues({ situation: '  ', task: '', action: ' ', result: '\n' }),
      clientChecks: false,
    });
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    const errors = (refused.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual([...STAR_PARTS].sort());
    await t.bot.idle();
    expect((await mockRows(t, user))[0]?.step).toBe(0);
    expect(stepPosts(t, user)).toHaveLength(1);

    // The same modal, filled, saves; then a blank follow-up is refused on its one field.
    const saved = await t.standin.submitView(t.url, {
      userId: user,
      viewId,
      values: viewValues({ ...GOOD }),
    });
    expect(saved.body).toBe('');
    await t.bot.idle();
    const follow = latestStep(t, user);
    expect(follow.kind).toBe('follow_up');
    const opened = await openStep(t, user, follow.message, follow.button);
    const blank = await t.standin.submitView(t.url, {
      userId: user,
      viewId: opened.viewId,
      values: { [BLOCK_FOLLOW_UP]: { [ACTION_STAR_INPUT]: '   ' } },
      clientChecks: false,
    });
    expect(blank.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_FOLLOW_UP]: expect.any(String) },
    });
    await t.bot.idle();
    expect((await mockRows(t, user))[0]?.step).toBe(1);
    expect(stepPosts(t, user)).toHaveLength(2);
  }, 60_000);
});
