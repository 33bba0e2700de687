// The story bank end to end, over HTTP against the local Slack: a saved answer becomes a story titled from its
// Situation (a note in the drill's thread says so); the story is renamed and merged through its modal; shown
// in /star stories and Home; its text fills the answer modal of another question; exported.
//
// Bad inputs tried: a 500-character title and a blank one (field errors, nothing changed); "Edit story" on a
// drill that is someone else's and on one with no story; "Start from a saved story" with someone else's
// story id (the modal stays as it was); the same submission sent twice (one story, one note).

import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishNlp } from '../../src/coach/nlp.ts';
import { answers, drillStories, stories } from '../../src/db/schema/index.ts';
import type { StarAnswer } from '../../src/drills/star-answer.ts';
import { proposeStoryTitle } from '../../src/drills/story-title.ts';
import {
  ACTION_EDIT_STORY,
  ACTION_STORY_SAME,
  ACTION_STORY_TITLE,
  ACTION_USE_STORY,
  BLOCK_STORY_SAME,
  BLOCK_STORY_TITLE,
  BLOCK_USE_STORY,
  VIEW_STORY,
} from '../../src/views/ids.ts';
import {
  answer,
  openHome,
  type Posted,
  person,
  star,
  startProgressBot,
  TestClock,
  topicAt,
} from '../progress-e2e/support.ts';
import { openModal, rawSubmission, repliesTo, requestDrill, sendPayload } from '../support/drill-driver.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

const clock = new TestClock(new Date('2027-01-12T12:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

const OUTAGE: StarAnswer = {
  situation:
    'On Black Friday our checkout service went down for 40 minutes because an expired TLS certificate was not rotated.',
  task: 'As the on-call engineer I had to restore checkout and make sure it could not happen again.',
  action:
    'I rolled the certificate by hand, then I wrote a job that rotates certificates 30 days before expiry and pages on failure.',
  result: 'Checkout was back in 12 minutes; we have had zero certificate outages in the 14 months since.',
};

const storiesOfUser = (userId: string) =>
  t.bot.ctx.db.select().from(stories).where(eq(stories.userId, userId)).orderBy(stories.id);
const linksOfUser = (userId: string) =>
  t.bot.ctx.db
    .select()
    .from(drillStories)
    .where(eq(drillStories.userId, userId))
    .orderBy(drillStories.drillId);

/** The message in the drill's thread that names its story: the feedback, with the Edit story button. */
function storyNote(d: Posted) {
  return repliesTo(t, d.channel, d.ts).filter((m) => JSON.stringify(m.blocks).includes(ACTION_EDIT_STORY));
}

/** Clicks "Edit story" under the drill's answer; returns the modal opened. */
async function openStoryModal(userId: string, d: Posted) {
  const [note] = storyNote(d);
  if (!note) throw new Error('no story note in the thread');
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel: d.channel,
    messageTs: note.ts,
    actionId: ACTION_EDIT_STORY,
  });
  expect(click.status).toBe(200);
  await t.bot.idle();
  const modal = t.standin.openModal(userId);
  if (!modal) throw new Error('no modal open');
  return modal;
}

describe('the story bank', () => {
  it('makes a story of each answer, renames and merges it, shows it, fills a new answer from it, exports it', async () => {
    const user = person(t, 'Europe/London');
    const dm = t.standin.dmChannelFor(user);

    // 1. An answer saved: one story, titled from its Situation, and one note in the thread naming it.
    const first = await requestDrill(t, user, topicAt(t, 0).slug, dm);
    await answer(t, user, first, OUTAGE);
    const [story] = await storiesOfUser(user);
    expect(story?.title).toBe('Checkout service, TLS certificate');
    expect(story?.title).toBe(proposeStoryTitle(OUTAGE.situation, englishNlp()));
    expect(await linksOfUser(user)).toMatchObject([{ drillId: first.drill.id, storyId: story?.id }]);
    const notes = storyNote(first);
    expect(notes).toHaveLength(1);
    expect(shownText(notes[0]?.blocks)).toContain(
      'This answer tells the story *Checkout service, TLS certificate*',
    );

    // Saving the same answer again (Slack retrying the submission) keeps one story and one note.
    const again = await openModal(t, user, first.channel, first.ts, first.drill.id);
    await t.standin.submitView(t.url, { userId: user, viewId: again.viewId, values: {} });
    await t.bot.idle();
    expect(await storiesOfUser(user)).toHaveLength(1);
    expect(storyNote(first)).toHaveLength(1);

    // 2. Renamed through its modal; a 500-character title and a blank one are refused and change nothing.
    let modal = await openStoryModal(user, first);
    expect(modal.view.callback_id).toBe(VIEW_STORY);
    for (const bad of ['x'.repeat(500), '   ']) {
      const refused = await t.standin.submitView(t.url, {
        userId: user,
        viewId: modal.id,
        values: { [BLOCK_STORY_TITLE]: { [ACTION_STORY_TITLE]: bad } },
        clientChecks: false,
      });
      expect(refused.json).toMatchObject({ response_action: 'errors' });
      const error = (refused.json as { errors: Record<string, string> }).errors[BLOCK_STORY_TITLE];
      expect(error).toMatch(
        bad.trim() === '' ? /Give the story a title/ : /at most 80 characters \(this one has 500\)/,
      );
      expect((await storiesOfUser(user))[0]?.title).toBe('Checkout service, TLS certificate');
    }
    const renamed = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal.id,
      values: { [BLOCK_STORY_TITLE]: { [ACTION_STORY_TITLE]: 'Checkout outage, certificate rotation' } },
    });
    expect(renamed.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect(JSON.stringify(t.standin.openModal(user)?.view.blocks)).toContain(
      'the story is now called *Checkout outage, certificate rotation*',
    );
    expect((await storiesOfUser(user)).map((s) => s.title)).toEqual([
      'Checkout outage, certificate rotation',
    ]);

    // 3. Another question answered with the same experience: a second story, then merged into the first.
    const second = await requestDrill(t, user, topicAt(t, 3).slug, dm);
    await answer(t, user, second, {
      ...OUTAGE,
      situation: 'A TLS certificate nobody owned had expired and taken our checkout service down.',
    });
    expect(await storiesOfUser(user)).toHaveLength(2);
    modal = await openStoryModal(user, second);
    const select = JSON.stringify(modal.view.blocks);
    expect(select).toContain(BLOCK_STORY_SAME);
    expect(select).toContain('Checkout outage, certificate rotation');
    const merged = await t.standin.submitView(t.url, {
      userId: user,
      viewId: modal.id,
      values: { [BLOCK_STORY_SAME]: { [ACTION_STORY_SAME]: String(story?.id) } },
    });
    expect(merged.json).toMatchObject({ response_action: 'update' });
    await t.bot.idle();
    expect((await storiesOfUser(user)).map((s) => s.id)).toEqual([story?.id]);
    expect((await linksOfUser(user)).map((l) => l.storyId)).toEqual([story?.id, story?.id]);

    // 4. /star stories and Home: the story under both topics, the others with none, each offering a drill.
    await star(t, user, 'stories');
    const reply = { text: shownText(t.standin.ephemerals(user).at(-1)?.args.blocks) };
    expect(reply.text).toContain('*Your stories* · 1 in all');
    // The best of the two answers that tell it.
    const scored = await t.bot.ctx.db
      .select({ score: answers.score })
      .from(answers)
      .where(inArray(answers.drillId, [first.drill.id, second.drill.id]));
    const bestScore = Math.max(...scored.map((r) => r.score ?? -1));
    expect(bestScore).toBeGreaterThan(0);
    expect(reply.text).toContain(
      `*${topicAt(t, 0).title}*: 1 story: Checkout outage, certificate rotation (best ${bestScore}/100). Fewer than 2: \`/star 1\` for a drill`,
    );
    expect(reply.text).toContain(`*${topicAt(t, 3).title}*: 1 story: Checkout outage`);
    expect(reply.text).toContain(
      `*${topicAt(t, 1).title}*: 0 stories. No story yet: the guide asks for 2-3. \`/star 2\``,
    );
    const { text: homeText } = await openHome(t, user);
    expect(homeText).toContain('*Your stories* · 1 in all');
    expect(homeText).toContain('Checkout outage, certificate rotation');

    // 5. A third question: its modal offers the story; picking it fills the four fields, and nothing is saved
    // until Save; saved, the answer tells that story (no new one).
    const third = await requestDrill(t, user, topicAt(t, 4).slug, dm);
    const opened = await openModal(t, user, third.channel, third.ts, third.drill.id);
    expect(JSON.stringify(opened.view().blocks)).toContain(ACTION_USE_STORY);
    const updates = t.standin.count('views.update');
    const use = await t.standin.pickViewOption(t.url, {
      userId: user,
      viewId: opened.viewId,
      actionId: ACTION_USE_STORY,
      value: `${third.drill.id}:${story?.id}`,
    });
    expect(use.status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.update')).toBe(updates + 1);
    const filled = opened.view().blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>;
    const situation = filled.find((b) => b.block_id?.startsWith('situation'));
    // The text of the story's most recent answer (the second), in a block of its own so Slack shows it.
    expect(situation?.block_id).toBe(`situation.s${story?.id}`);
    expect(situation?.element?.initial_value).toBe(
      'A TLS certificate nobody owned had expired and taken our checkout service down.',
    );
    expect(await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, third.drill.id))).toEqual([]);
    const saved = await t.standin.submitView(t.url, { userId: user, viewId: opened.viewId, values: {} });
    expect(saved.body).toBe('');
    await t.bot.idle();
    expect((await storiesOfUser(user)).map((s) => s.id)).toEqual([story?.id]);
    expect(
      await t.bot.ctx.db
        .select({ storyId: drillStories.storyId })
        .from(drillStories)
        .where(and(eq(drillStories.userId, user), eq(drillStories.drillId, third.drill.id))),
    ).toEqual([{ storyId: story?.id }]);

    // 6. The export names each answer's story.
    await star(t, user, 'export');
    const file = t.standin
      .messages(dm)
      .filter((m) => (m.files?.length ?? 0) > 0)
      .at(-1)?.files?.[0];
    const markdown = t.standin.file(file?.id ?? '')?.bytes?.toString('utf8') ?? '';
    expect(markdown.match(/\*\*Story:\*\* Checkout outage, certificate rotation/g)).toHaveLength(3);
  }, 120_000);

  it('refuses someone else’s story and a drill with no story, changing nothing', async () => {
    const owner = person(t, 'Europe/London');
    const other = person(t, 'Europe/London');
    const d = await requestDrill(t, owner, topicAt(t, 2).slug, t.standin.dmChannelFor(owner));
    await answer(t, owner, d, OUTAGE);
    const [owned] = await storiesOfUser(owner);

    // The other person's own drill, with a forged "Start from a saved story" naming the owner's story.
    const theirs = await requestDrill(t, other, topicAt(t, 2).slug, t.standin.dmChannelFor(other));
    const opened = await openModal(t, other, theirs.channel, theirs.ts, theirs.drill.id);
    const before = JSON.stringify(opened.view());
    const updates = t.standin.count('views.update');
    const forged = {
      type: 'block_actions',
      user: { id: other, team_id: t.standin.workspace.teamId },
      team: { id: t.standin.workspace.teamId },
      api_app_id: t.standin.workspace.appId,
      token: t.standin.workspace.verificationToken,
      trigger_id: t.standin.newTriggerId(other),
      container: { type: 'view', view_id: opened.viewId },
      view: { id: opened.viewId, hash: t.standin.views.get(opened.viewId)?.hash },
      actions: [
        {
          type: 'static_select',
          action_id: ACTION_USE_STORY,
          block_id: BLOCK_USE_STORY,
          selected_option: {
            text: { type: 'plain_text', text: 'Forged' },
            value: `${theirs.drill.id}:${owned?.id}`,
          },
        },
      ],
    };
    expect((await sendPayload(t, forged)).status).toBe(200);
    await t.bot.idle();
    expect(t.standin.count('views.update')).toBe(updates);
    expect(JSON.stringify(opened.view())).toBe(before);

    // "Edit story" for the owner's drill, clicked by the other person: a notice, no story shown.
    const note = storyNote(d)[0];
    expect(note).toBeDefined();
    await t.standin.clickButton(t.url, {
      userId: other,
      channel: d.channel,
      messageTs: note?.ts ?? '',
      actionId: ACTION_EDIT_STORY,
    });
    await t.bot.idle();
    const shown = t.standin.openModal(other);
    expect(JSON.stringify(shown?.view.blocks)).toContain('This story is not available to you');
    expect(JSON.stringify(shown?.view.blocks)).not.toContain(owned?.title ?? '?');

    // A story submission naming a drill with no story (forged): refused with a message, nothing changes.
    const forgedSubmit = await rawSubmission(
      t,
      opened.viewId,
      other,
      {},
      {
        callback_id: VIEW_STORY,
        private_metadata: String(theirs.drill.id),
        state: {
          values: {
            [BLOCK_STORY_TITLE]: { [ACTION_STORY_TITLE]: { type: 'plain_text_input', value: 'Mine' } },
          },
        },
      },
    );
    expect(forgedSubmit.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(forgedSubmit.json)).toContain('Nothing was changed');
    expect(await storiesOfUser(other)).toEqual([]);
    expect((await storiesOfUser(owner)).map((s) => s.title)).toEqual([owned?.title]);
  }, 120_000);
});
