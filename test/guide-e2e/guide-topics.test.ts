// A workspace's own guide and the topics people drill, end to end over HTTP against the local Slack: a drill
// asked on a topic that the new guide then dropped is still coached when answered after the change (on the
// question as it was asked, the feedback saying plainly that the guide no longer has the topic's sample and
// follow-ups), and a subscription names a topic only the workspace's guide has and is drilled from it.
//
// Bad inputs tried: the workspace guide's topic word before the guide was applied (refused, nothing stored).

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers } from '../../src/db/schema/index.ts';
import {
  answer,
  drillsOf,
  feedbackOf,
  person,
  rate,
  star,
  strongAnswer,
  subscriptionOf,
  tick,
} from '../progress-e2e/support.ts';
import { requestDrill } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import { shownText } from '../support/shown-text.ts';
import { pasteGuide, TEAM_GUIDE } from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T08:00:00Z');
const ADMIN = 'UGDTOPADMN';
const TEAM = 'T0STANDIN';
/** A topic of the built-in guide that TEAM_GUIDE does not have. */
const DEBT = 'balancing-technical-debt-with-new-features';
/** A topic only TEAM_GUIDE has. */
const ONBOARDING = 'onboarding-new-hires';

describe('a workspace guide that changed the topics', () => {
  it('a drill whose topic the new guide dropped, answered after the change, gets true feedback in its thread', async () => {
    t.standin.setUser({ id: ADMIN, tz: 'UTC', is_admin: true });
    const member = person(t, 'UTC', 'UGDGONE');
    const d = await requestDrill(t, member, 'debt');
    expect(d.drill.topicSlug).toBe(DEBT);
    expect(await pasteGuide(t, ADMIN, TEAM_GUIDE)).toContain('Platform Team Interview Loop');
    expect((await t.bot.ctx.banks.forTeam(TEAM)).topic(DEBT)).toBeUndefined();

    // Answered after the change: one feedback reply in the drill's thread.
    await answer(t, member, d, strongAnswer(DEBT));
    const [stored] = await t.bot.ctx.db.select().from(answers).where(eq(answers.drillId, d.drill.id));
    expect(stored?.score).toBeTypeOf('number');
    const feedback = feedbackOf(t, d);
    const text = shownText(feedback?.blocks);
    // The coach's reading of the answer, against the question as it was asked.
    expect(text).toContain(`Score: ${stored?.score}/100`);
    expect(text).toContain('See the full breakdown');
    // What the guide no longer has is said, not shown empty or borrowed from the new guide.
    expect(text).toContain(
      "This workspace's guide no longer has this question's topic* (Balancing technical debt with new features)",
    );
    expect(text).toContain('no sample answer or follow-up questions for it any more');
    expect(text).not.toContain("The guide's sample answer");
    expect(text).not.toContain('Follow-up questions an interviewer would ask');
    expect(t.logs.find('no feedback')).toEqual([]);
    // The drill message says it was answered, with the score.
    expect(shownText(t.standin.message(d.channel, d.ts)?.blocks)).toContain(`Score: ${stored?.score}/100`);

    // A rating still updates that reply in place.
    await rate(t, member, d, 'good');
    expect(shownText(feedbackOf(t, d)?.blocks)).toContain('You rated it *Good*');
    expect(feedbackOf(t, d)?.ts).toBe(feedback?.ts);
  });

  it('subscribes to a topic word only the workspace’s guide has, and drills from it', async () => {
    const subscriber = person(t, 'UTC', 'UGDSUBS');
    await star(t, ADMIN, 'guide reset');
    expect((await star(t, subscriber, 'subscribe 09:00 daily onboarding')).text).toContain(
      '`onboarding` is not a topic I know.',
    );
    expect(await subscriptionOf(t, subscriber)).toBeUndefined();

    await pasteGuide(t, ADMIN, TEAM_GUIDE);
    const accepted = await star(t, subscriber, 'subscribe 09:00 daily onboarding');
    expect(accepted.text).toContain('Onboarding New Hires');
    expect((await subscriptionOf(t, subscriber))?.topics).toEqual([ONBOARDING]);

    // Two days of scheduled drills: both from that topic's questions.
    const questions = (await t.bot.ctx.banks.forTeam(TEAM)).topic(ONBOARDING)?.questions.map((q) => q.text);
    await tick(t, clock, '2027-01-12T09:00:00Z');
    await tick(t, clock, '2027-01-13T09:00:00Z');
    const sent = (await drillsOf(t, subscriber)).filter((x) => x.source === 'scheduled');
    expect(sent).toHaveLength(2);
    for (const drill of sent) {
      expect(drill.topicSlug).toBe(ONBOARDING);
      expect(questions).toContain(drill.questionText);
    }
  });
});
