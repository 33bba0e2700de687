// "Start from a saved story" end to end, over HTTP against the local Slack: the answer modal offers every
// story of the person (most recently used first) in one select; picking the oldest of six fills the four
// fields with its latest text; the select stays, so another story can be picked instead; nothing is saved
// until Save, and the saved answer then tells the story picked last.
//
// Bad inputs tried: a pick while the bot is saturated (an ephemeral "busy" in the DM, the modal unchanged).

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, drillStories, stories } from '../../src/db/schema/index.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { BUSY_CLICK } from '../../src/slack/listeners/busy-reply.ts';
import { ACTION_USE_STORY, BLOCK_USE_STORY } from '../../src/views/ids.ts';
import { answer, person, startProgressBot, TestClock, topicAt } from '../progress-e2e/support.ts';
import { openModal, requestDrill } from '../support/drill-driver.ts';
import { startTestBot, type TestBot } from '../support/test-bot.ts';

const clock = new TestClock(new Date('2027-01-12T12:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

const PLACES = [
  'checkout service',
  'billing pipeline',
  'search cluster',
  'payments API',
  'mobile app',
  'data lake',
];

/** An answer whose Situation names `place`, so each story's text is told apart. */
const answerAbout = (place: string): StarAnswer => ({
  situation: `Our ${place} failed during a launch and customers could not finish their orders.`,
  task: `As the on-call engineer I had to bring the ${place} back and stop it happening again.`,
  action: `I rolled back the release, then I added an alert and a runbook for the ${place}.`,
  result: 'Service was back in 15 minutes; no repeat in the following year.',
});

type Select = {
  options: Array<{ value: string; text: { text: string } }>;
  initial_option?: { value: string };
};
type ModalBlock = { block_id?: string; accessory?: Select; element?: { initial_value?: string } };

const blocksOf = (t: TestBot, viewId: string) =>
  (t.standin.views.get(viewId)?.view.blocks ?? []) as ModalBlock[];
const storySelect = (t: TestBot, viewId: string) =>
  blocksOf(t, viewId).find((b) => b.block_id === BLOCK_USE_STORY)?.accessory;
const situationOf = (t: TestBot, viewId: string) =>
  blocksOf(t, viewId).find((b) => b.block_id?.startsWith('situation'));

/** A person with one story per place, told in that order (the first is the oldest); their ids. */
async function tellStories(bot: TestBot, user: string, places: readonly string[]): Promise<number[]> {
  const dm = bot.standin.dmChannelFor(user);
  for (const [i, place] of places.entries()) {
    const d = await requestDrill(bot, user, topicAt(bot, i % bot.bot.ctx.bank.topics.length).slug, dm);
    await answer(bot, user, d, answerAbout(place));
  }
  const rows = await bot.bot.ctx.db
    .select()
    .from(stories)
    .where(eq(stories.userId, user))
    .orderBy(stories.id);
  expect(rows).toHaveLength(places.length);
  return rows.map((r) => r.id);
}

describe('start from a saved story', () => {
  it('offers all six stories, fills from the oldest, switches to another, and saves as the last picked', async () => {
    const user = person(t, 'Europe/London');
    const ids = await tellStories(t, user, PLACES);
    const oldest = ids[0] ?? 0;
    const third = ids[2] ?? 0;

    const d = await requestDrill(t, user, topicAt(t, 1).slug, t.standin.dmChannelFor(user));
    const { viewId } = await openModal(t, user, d.channel, d.ts, d.drill.id);
    // Every story, most recently used first: the oldest is the sixth, past the five buttons there used to be.
    const offered = storySelect(t, viewId)?.options ?? [];
    expect(offered.map((o) => o.value)).toEqual([...ids].reverse().map((id) => `${d.drill.id}:${id}`));
    expect(offered[5]?.text.text).toMatch(/Checkout service/i);

    const updates = t.standin.count('views.update');
    const pick = async (storyId: number) => {
      const reply = await t.standin.pickViewOption(t.url, {
        userId: user,
        viewId,
        actionId: ACTION_USE_STORY,
        value: `${d.drill.id}:${storyId}`,
      });
      expect(reply.status).toBe(200);
      await t.bot.idle();
    };

    await pick(oldest);
    expect(t.standin.count('views.update')).toBe(updates + 1);
    expect(situationOf(t, viewId)?.block_id).toBe(`situation.s${oldest}`);
    expect(situationOf(t, viewId)?.element?.initial_value).toBe(answerAbout(PLACES[0] ?? '').situation);
    // The select is still there, showing the story used, with every story still offered.
    expect(storySelect(t, viewId)?.initial_option?.value).toBe(`${d.drill.id}:${oldest}`);
    expect(storySelect(t, viewId)?.options).toHaveLength(6);

    // Switched: the third story's text, in blocks of its own so Slack shows it over the first one's.
    await pick(third);
    expect(t.standin.count('views.update')).toBe(updates + 2);
    expect(situationOf(t, viewId)?.block_id).toBe(`situation.s${third}`);
    expect(situationOf(t, viewId)?.element?.initial_value).toBe(answerAbout(PLACES[2] ?? '').situation);
    expect(storySelect(t, viewId)?.initial_option?.value).toBe(`${d.drill.id}:${third}`);
    expect(JSON.stringify(blocksOf(t, viewId))).toContain('Filled from your story');
    // Nothing stored by the picks.
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, d.drill.id))).toEqual([]);

    const saved = await t.standin.submitView(t.url, { userId: user, viewId, values: {} });
    expect(saved.body).toBe('');
    await t.bot.idle();
    const link = await t.bot.ctx.db
      .select({ storyId: drillStories.storyId })
      .from(drillStories)
      .where(and(eq(drillStories.userId, user), eq(drillStories.drillId, d.drill.id)));
    expect(link).toEqual([{ storyId: third }]);
    expect(await t.bot.ctx.db.select().from(stories).where(eq(stories.userId, user))).toHaveLength(6);
  }, 120_000);
});

describe('a pick while the bot is saturated', () => {
  // Its own bot: requests arriving late make it refuse work, which would change the other test's answers.
  let late: TestBot;
  beforeAll(async () => {
    late = await startTestBot();
  });
  afterAll(async () => {
    await late?.close();
  });

  it('is answered "busy" in the DM and leaves the modal as it is', async () => {
    const user = person(late, 'Europe/London');
    const [storyId] = await tellStories(late, user, PLACES.slice(0, 1));
    const d = await requestDrill(late, user, topicAt(late, 1).slug, late.standin.dmChannelFor(user));
    const { viewId } = await openModal(late, user, d.channel, d.ts, d.drill.id);
    const shownNow = () => JSON.stringify(late.standin.views.get(viewId)?.view);
    const nowSeconds = () => Math.floor(Date.now() / 1000);
    // On time first: the least lateness seen is how far this host's clock is from Slack's (none here).
    for (let i = 0; i < 5; i++) {
      await late.standin.slashCommand(late.url, { userId: person(late, 'UTC'), text: 'help' });
    }
    const busyNotices = () =>
      late.standin.ephemeralsIn(user, late.standin.dmChannelFor(user)).filter((m) => m.text === BUSY_CLICK);
    // Bursts of requests 3 s late, each followed by the pick, until the bot is saturated when the pick comes.
    for (let round = 0; round < 5 && busyNotices().length === 0; round++) {
      await Promise.all(
        Array.from({ length: 8 }, () =>
          late.standin.slashCommand(
            late.url,
            { userId: person(late, 'UTC'), text: 'help' },
            { timestamp: nowSeconds() - 3 },
          ),
        ),
      );
      const updates = late.standin.count('views.update');
      const before = shownNow();
      const reply = await late.standin.pickViewOption(late.url, {
        userId: user,
        viewId,
        actionId: ACTION_USE_STORY,
        value: `${d.drill.id}:${storyId}`,
      });
      expect(reply.status).toBe(200);
      await late.bot.idle();
      // A pick that was not shed filled the modal; the next round tries again. A shed one changed nothing.
      if (late.standin.count('views.update') === updates) expect(shownNow()).toBe(before);
    }
    expect(busyNotices()).toHaveLength(1);
  }, 120_000);
});
