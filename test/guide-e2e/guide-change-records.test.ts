// A person's records across a change of the workspace's guide, end to end over HTTP against the local Slack:
// drills asked and answered on the built-in guide, then an admin pastes a guide that keeps one question word for
// word, edits another by one word and drops a topic. Afterwards `/star export` (the Markdown file in the DM) still
// holds each drill with the question as it was asked, its answer, score and own self-rating; the kept question
// keeps its id, so its FSRS card carries over: Home's readiness for the topic still reads it, the card falls due
// and brings the question back, and rating that new drill updates the one card (reps 2) rather than starting one.
//
// Bad cases each assertion would catch: an id that changed with the guide (a fresh card with reps 1, Home's
// readiness "getting there" instead of "ready"/"review due", the chooser asking the edited question instead of
// the due one); an export that reads question text or topics from the current guide (the edited text shown, the
// old one gone, the dropped topic's drill missing); an export that reads the rating from the shared card rather
// than the drill (the first drill showing the later drill's Easy); topic progress counted from the new guide's
// questions (the answer before the change not counted: "Not started yet" or 0 answered); a later rating of the
// first drill silently rewriting the card the second drill's rating built on.

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, drills, reviewCards } from '../../src/db/schema/index.ts';
import { SELF_RATING_LABELS } from '../../src/drills/review-cards.ts';
import { fenced, inlineText } from '../../src/progress/export.ts';
import {
  answer,
  EMPTY_ANSWER,
  openHome,
  type Posted,
  person,
  rate,
  star,
  strongAnswer,
} from '../progress-e2e/support.ts';
import { requestDrill } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import { lastSharedFile } from '../support/shared-file.ts';
import { KEPT_QUESTION, pasteGuide } from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T08:00:00Z');
const ADMIN = 'UGDRECADMN';
const TEAM = 'T0STANDIN';
const INCIDENTS = 'handling-production-incidents';

/** The built-in guide's second incidents question, and the new guide's edit of it (one word added). */
const OLD_TEXT = 'Describe how you approach debugging a complex system failure.';
const EDITED_TEXT = 'Describe how you approach debugging a complex distributed system failure.';

/** The new guide: incidents keeps KEPT_QUESTION word for word and edits OLD_TEXT; tech debt is dropped. */
const NEW_GUIDE = `# Platform Loop, Second Edition

## 1. Handling Production Incidents

### Key Concepts

Staying calm and methodical while the system is down.

### Example Questions

- "${KEPT_QUESTION}"
- "${EDITED_TEXT}"

### Sample Response Using STAR

**Situation**: "Checkout failed for ten percent of users."

**Task**: "I was on call and had to restore it."

**Action**: "I rolled back the release and traced the cause."

**Result**: "Checkout recovered in twelve minutes."

### Follow-up Questions to Anticipate

- "How did you tell stakeholders?"

## 2. Onboarding New Hires

### Key Concepts

How you bring a new engineer to their first shipped change.

### Example Questions

- "Tell me about a time you onboarded a new engineer onto a complex codebase."

### Follow-up Questions to Anticipate

- "What would you do differently?"
`;

const DEBT_ANSWER = {
  situation: 'Debt situation: our billing service took a week to change.',
  task: 'Debt task: I had to win time to refactor it.',
  action: 'Debt action: I measured lead time and showed it to product.',
  result: 'Debt result: we got two sprints and lead time halved.',
};

/** The export the bot just shared in the person's DM: the comment and each drill's section. */
function exportedFile(userId: string) {
  const { comment, markdown } = lastSharedFile(t, userId);
  const sections = markdown.split('\n---\n\n').slice(1);
  /** The sections whose question is `text`, as the export writes it. */
  const asking = (text: string) => sections.filter((s) => s.includes(`**Question:** ${inlineText(text)}\n`));
  return { comment, markdown, sections, asking };
}

const cardsOf = (userId: string) =>
  t.bot.ctx.db
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.teamId, TEAM), eq(reviewCards.userId, userId)));

const scoreOf = async (d: Posted) => {
  const [row] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, d.drill.id));
  if (typeof row?.score !== 'number') throw new Error(`drill ${d.drill.id} has no scored answer`);
  return row.score;
};

/** Home's entry for the incidents topic: its score, readiness level and count of answers. */
async function incidentsOnHome(userId: string) {
  const { text } = await openHome(t, userId);
  const entry = text.match(
    /\*Handling Production Incidents\*\n[▰▱]+ (\d+|–)[^\n]*\n([a-z ]+) · (\d+) answered/,
  );
  return { text, score: entry?.[1], level: entry?.[2], answered: Number(entry?.[3] ?? 0) };
}

describe('a guide change keeps a person’s records', () => {
  it('export, FSRS card and topic progress stay true for the kept, edited and dropped questions', async () => {
    t.standin.setUser({ id: ADMIN, tz: 'UTC', is_admin: true });
    const member = person(t, 'UTC', 'UGDREC');

    // On the built-in guide: the kept question answered strongly and rated Good (its FSRS card, due in 3 days).
    clock.set('2027-01-12T08:00:00Z');
    const kept = await requestDrill(t, member, 'incidents');
    expect(kept.drill.questionText).toBe(KEPT_QUESTION);
    await answer(t, member, kept, strongAnswer(INCIDENTS));
    await rate(t, member, kept, 'good');
    const keptScore = await scoreOf(kept);
    const [card1] = await cardsOf(member);
    expect(card1).toMatchObject({ questionId: kept.drill.questionId, lastRating: 'good' });
    expect(card1?.card.reps).toBe(1);
    expect(card1?.dueAt.toISOString()).toBe('2027-01-15T08:00:00.000Z');

    // The question the new guide edits, asked and left unanswered; a drill on the topic it drops, answered.
    clock.set('2027-01-12T08:10:00Z');
    const edited = await requestDrill(t, member, 'incidents');
    expect(edited.drill.questionText).toBe(OLD_TEXT);
    clock.set('2027-01-12T08:20:00Z');
    const dropped = await requestDrill(t, member, 'debt');
    expect(dropped.drill.topicSlug).toBe('balancing-technical-debt-with-new-features');
    await answer(t, member, dropped, DEBT_ANSWER);
    await rate(t, member, dropped, 'hard');
    const droppedScore = await scoreOf(dropped);

    const before = await incidentsOnHome(member);
    expect(before).toMatchObject({ score: String(keptScore), level: 'ready', answered: 1 });

    // The admin pastes the new guide.
    clock.set('2027-01-13T09:00:00Z');
    expect(await pasteGuide(t, ADMIN, NEW_GUIDE)).toContain('Platform Loop, Second Edition');
    const bank = await t.bot.ctx.banks.forTeam(TEAM);
    const incidents = bank.topic(INCIDENTS);
    expect(incidents?.questions.map((q) => q.text)).toEqual([KEPT_QUESTION, EDITED_TEXT]);
    // The kept question keeps its id; the edited one is a new question; the dropped topic is gone.
    expect(incidents?.questions[0]?.id).toBe(kept.drill.questionId);
    expect(incidents?.questions[1]?.id).not.toBe(edited.drill.questionId);
    expect(bank.question(edited.drill.questionId)).toBeUndefined();
    expect(bank.topic(dropped.drill.topicSlug)).toBeUndefined();
    // The stored drills are as they were asked.
    const rows = await t.bot.ctx.db.select().from(drills).where(eq(drills.userId, member)).orderBy(drills.id);
    expect(rows.map((r) => r.questionText)).toEqual([KEPT_QUESTION, OLD_TEXT, dropped.drill.questionText]);

    // Topic progress after the change: the earlier answer still counts, its card still sets the readiness.
    const after = await incidentsOnHome(member);
    expect(after).toMatchObject({ score: String(keptScore), level: 'ready', answered: 1 });
    expect(after.text).toContain('Not started yet: Onboarding New Hires');
    expect(after.text).not.toContain('Balancing Technical Debt');

    // The export after the change: every drill with the question as asked, its answer, score and rating.
    expect((await star(t, member, 'export')).text).toBe('');
    let file = exportedFile(member);
    expect(file.comment).toBe('Your Star Drill export: 3 drills, 2 answered, newest first.');
    expect(file.sections).toHaveLength(3);
    const [keptSection] = file.asking(KEPT_QUESTION);
    expect(file.asking(KEPT_QUESTION)).toHaveLength(1);
    expect(keptSection).toContain(
      `**Answered:** 2027-01-12 08:00 · **Score:** ${keptScore}/100 · **Self-rating:** ${SELF_RATING_LABELS.good}`,
    );
    for (const part of Object.values(strongAnswer(INCIDENTS))) expect(keptSection).toContain(fenced(part));
    // The edited question's drill keeps its old text; the new wording appears nowhere.
    expect(file.asking(OLD_TEXT)).toEqual([expect.stringContaining('_Not answered._')]);
    expect(file.markdown).not.toContain(inlineText(EDITED_TEXT));
    // The dropped topic's drill is still there, with its answer and its own rating.
    const [droppedSection] = file.asking(dropped.drill.questionText);
    expect(droppedSection).toContain(
      `**Answered:** 2027-01-12 08:20 · **Score:** ${droppedScore}/100 · **Self-rating:** ${SELF_RATING_LABELS.hard}`,
    );
    expect(droppedSection).toContain(fenced(DEBT_ANSWER.result));

    // The kept question's card falls due (rated Good on the 12th: the 15th) and Home says so.
    clock.set('2027-01-16T08:00:00Z');
    expect(await incidentsOnHome(member)).toMatchObject({ level: 'review due', answered: 1 });
    // Due, it comes back before the never-asked edited question; rated, it updates the one card.
    const again = await requestDrill(t, member, 'incidents');
    expect(again.drill.questionId).toBe(kept.drill.questionId);
    expect(again.drill.questionText).toBe(KEPT_QUESTION);
    await answer(t, member, again, EMPTY_ANSWER);
    await rate(t, member, again, 'easy');
    const cards = await cardsOf(member);
    expect(cards.map((c) => c.questionId).sort()).toEqual(
      [kept.drill.questionId, dropped.drill.questionId].sort(),
    );
    const card2 = cards.find((c) => c.questionId === kept.drill.questionId);
    expect(card2).toMatchObject({ lastRating: 'easy' });
    expect(card2?.card).toMatchObject({
      reps: 2,
      state: 'review',
      lastReview: '2027-01-16T08:00:00.000Z',
    });

    // The first drill's rating can no longer change: the second drill's rating built on its card.
    const seen = t.standin.ephemerals(member).length;
    await rate(t, member, kept, 'again');
    expect(
      t.standin
        .ephemerals(member)
        .slice(seen)
        .map((c) => String(c.args.text)),
    ).toEqual([expect.stringContaining('can no longer change')]);
    expect((await cardsOf(member)).find((c) => c.questionId === kept.drill.questionId)).toEqual(card2);

    // Home counts both answers on the topic; the export has both drills, each with its own rating.
    expect((await incidentsOnHome(member)).answered).toBe(2);
    expect((await star(t, member, 'export')).text).toBe('');
    file = exportedFile(member);
    expect(file.comment).toBe('Your Star Drill export: 4 drills, 3 answered, newest first.');
    const keptSections = file.asking(KEPT_QUESTION);
    expect(keptSections).toHaveLength(2);
    expect(keptSections.find((s) => s.includes('**Answered:** 2027-01-12 08:00'))).toContain(
      `**Self-rating:** ${SELF_RATING_LABELS.good}`,
    );
    expect(keptSections.find((s) => s.includes('**Answered:** 2027-01-16 08:00'))).toContain(
      `**Self-rating:** ${SELF_RATING_LABELS.easy}`,
    );
    expect(file.asking(OLD_TEXT)).toHaveLength(1);
    expect(file.markdown).not.toContain(inlineText(EDITED_TEXT));
  });
});
