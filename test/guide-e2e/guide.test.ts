// A workspace's own guide, end to end over HTTP against the local Slack: `/star guide` shows everyone the guide
// in use and admins an Upload button; an invalid guide is refused with every problem named by its line and
// nothing stored; a valid one is previewed and, once **Use this guide** is pressed, drills, topic words, Home
// and the scheduler all follow it while history keeps the questions people were asked; a subscription whose
// topics left the guide falls back to all topics and is told once; a file works as the paste does; reset
// returns to the built-in guide.
//
// Bad inputs tried: a member's `/star guide reset` and a member's forged upload; nothing given; a file and text
// both; a broken guide (no questions, 21 questions, no follow-ups); a file that is not Markdown (a PDF), a file
// over 200 KB, an empty file, a file the install may not read (no files:read); a forged paste of 31 topics (past the 3,000-character box); a second reset.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { guideDrafts, guideVersions } from '../../src/db/schema/index.ts';
import { ACTION_GUIDE_TEXT, BLOCK_GUIDE_FILE, BLOCK_GUIDE_TEXT } from '../../src/views/ids.ts';
import {
  answer as answerDrill,
  dms,
  drillsOf,
  EMPTY_ANSWER,
  openHome,
  person,
  star,
  subscriptionOf,
  tick,
} from '../progress-e2e/support.ts';
import { healthz, rawSubmission, requestDrill } from '../support/drill-driver.ts';
import { useProgressBot } from '../support/progress-bot.ts';
import { shownText } from '../support/shown-text.ts';
import {
  BROKEN_GUIDE,
  guideStatus,
  KEPT_QUESTION,
  lineOf,
  openUpload,
  submitUpload,
  TEAM_GUIDE,
  useThisGuide,
} from './support.ts';

const { clock, t } = useProgressBot('2027-01-12T08:00:00Z');
const ADMIN = 'UGUIDEADMN';
const TEAM = 'T0STANDIN';

const versions = () => t.bot.ctx.db.select().from(guideVersions).where(eq(guideVersions.teamId, TEAM));
const drafts = () => t.bot.ctx.db.select().from(guideDrafts).where(eq(guideDrafts.teamId, TEAM));
const admin = () => t.standin.setUser({ id: ADMIN, tz: 'UTC', is_admin: true });

describe('/star guide', () => {
  it('shows everyone the built-in guide; a member gets no Upload button and is refused every change', async () => {
    admin();
    const member = person(t, 'UTC', 'UMEMBER');
    const status = await guideStatus(t, member);
    expect(status.text).toContain(
      'This workspace drills the built-in guide: Behavioral Interview Study Guide',
    );
    expect(status.text).toContain('1. Handling Production Incidents (3 questions)');
    expect(status.hasUpload).toBe(false);
    expect(status.text).toContain('Only a workspace admin, or whoever installed Star Drill, can change it.');
    expect((await star(t, member, 'guide reset')).text).toContain('Only a workspace admin');

    // The admin's modal, submitted by the member (a forged request): refused beside the field.
    const modal = await openUpload(t, ADMIN);
    const forged = await rawSubmission(
      t,
      modal.id,
      member,
      {},
      {
        private_metadata: '',
        state: {
          values: {
            [BLOCK_GUIDE_TEXT]: { [ACTION_GUIDE_TEXT]: { type: 'plain_text_input', value: TEAM_GUIDE } },
          },
        },
      },
    );
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_GUIDE_TEXT]: expect.stringContaining('Only a workspace admin') },
    });
    expect(await versions()).toEqual([]);
    expect(await drafts()).toEqual([]);
  });

  it('refuses a broken guide with every problem by its line; nothing is stored, the text stays', async () => {
    admin();
    const modal = await openUpload(t, ADMIN);
    expect(await submitUpload(t, ADMIN, modal, {})).toMatchObject({
      response_action: 'errors',
      errors: { [BLOCK_GUIDE_TEXT]: 'Choose a Markdown file, or paste the guide here.' },
    });
    const answer = await submitUpload(t, ADMIN, modal, { text: BROKEN_GUIDE });
    expect(answer?.response_action).toBe('errors');
    const lines = answer?.errors?.[BLOCK_GUIDE_TEXT]?.split('\n');
    expect(lines).toEqual([
      '3 problems; nothing was changed:',
      `• line ${lineOf(BROKEN_GUIDE, '### Example Questions', 1)}: topic 1 has 0 example questions; each topic needs at least 1 and at most 20`,
      `• line ${lineOf(BROKEN_GUIDE, '### Example Questions', 2)}: topic 2 has 21 example questions; each topic needs at least 1 and at most 20`,
      `• line ${lineOf(BROKEN_GUIDE, '## 3. No Follow-ups')}: topic "3. No Follow-ups": missing "### Follow-up Questions to Anticipate"`,
    ]);
    // 31 topics, forged past the client's 3,000 characters: refused for the count.
    const many = `# Many\n\n${Array.from({ length: 31 }, (_, i) => `## ${i + 1}. T${i + 1}\n\n### Key Concepts\n\nK.\n\n### Example Questions\n\n- "Tell me about ${i + 1}."\n\n### Follow-up Questions to Anticipate\n\n- "F?"`).join('\n\n')}`;
    const tooMany = await submitUpload(t, ADMIN, modal, { text: many, forged: true });
    expect(tooMany?.errors?.[BLOCK_GUIDE_TEXT]).toContain(
      `line ${lineOf(many, '## 31. T31')}: the guide has 31 topics; a guide has at most 30`,
    );
    expect(t.standin.openModal(ADMIN)?.id).toBe(modal.id);
    expect(await versions()).toEqual([]);
    expect(await drafts()).toEqual([]);
    // The text is the admin's: it never reaches the logs.
    expect(JSON.stringify(t.logs.lines)).not.toContain('time number 21');
    expect(t.logs.find('guide upload refused').length).toBeGreaterThan(0);
  });

  it('applies a pasted guide: drills, topic words, Home and the scheduler follow it; history keeps old questions', async () => {
    admin();
    const member = person(t, 'UTC', 'UMEMBER');
    // Before: a drill from the built-in guide, answered on the kept question's topic, and a subscription to it.
    const before = await requestDrill(t, member, 'incidents');
    await star(t, member, 'subscribe 09:00 daily incidents');
    const subscribed = person(t, 'UTC', 'USUBSCRB');
    await star(t, subscribed, 'subscribe 09:00 daily debt');
    expect((await subscriptionOf(t, subscribed))?.topics).toEqual([
      'balancing-technical-debt-with-new-features',
    ]);

    const modal = await openUpload(t, ADMIN);
    const answer = await submitUpload(t, ADMIN, modal, { text: TEAM_GUIDE });
    expect(answer).toMatchObject({ response_action: 'update' });
    const preview = await t.standin.waitFor(() => t.standin.openModal(ADMIN));
    const previewText = JSON.stringify(preview.view.blocks);
    expect(previewText).toContain('*Platform Team Interview Loop*: 3 topics, 5 questions');
    expect(previewText).toContain('1. Onboarding New Hires (2 questions)');
    expect(previewText).toContain(
      `line ${lineOf(TEAM_GUIDE, '## 2. Customer Escalations')}: no sample answer for topic 2: its drills will show none`,
    );
    expect(await versions()).toEqual([]); // previewed, not applied
    expect(await useThisGuide(t, ADMIN)).toContain(
      'This workspace now drills *Platform Team Interview Loop* (3 topics)',
    );

    const [version] = await versions();
    expect(version).toMatchObject({
      version: 1,
      title: 'Platform Team Interview Loop',
      topicCount: 3,
      setBy: ADMIN,
    });
    expect(await drafts()).toEqual([]);
    const status = await guideStatus(t, member);
    expect(status.text).toContain("This workspace's guide: Platform Team Interview Loop");
    expect(status.text).toContain(`Set by <@${ADMIN}>`);
    expect(status.text).toContain('2. Customer Escalations (1 question)');

    // Topic words follow the guide: its own topics resolve, the built-in's are gone.
    const onboarding = await requestDrill(t, member, 'onboarding');
    expect(onboarding.drill.topicSlug).toBe('onboarding-new-hires');
    expect((await star(t, member, 'debt')).text).toContain("I don't know the topic or command `debt`");
    // The kept question keeps its id, so the chooser knows it was asked: the next drill is the topic's other one.
    expect(before.drill.questionText).toBe(KEPT_QUESTION);
    const guideBank = await t.bot.ctx.banks.forTeam(TEAM);
    expect(guideBank.topic('handling-production-incidents')?.questions[0]?.id).toBe(before.drill.questionId);
    const incidents = await requestDrill(t, member, 'incidents');
    expect(incidents.drill.questionText).toBe(
      'Tell me about a time an outage taught your team something new.',
    );
    // History keeps the text it was asked with.
    expect((await drillsOf(t, member))[0]?.questionText).toBe(before.drill.questionText);
    await star(t, member, 'history');
    expect(shownText(t.standin.ephemerals(member).at(-1)?.args.blocks)).toContain(before.drill.questionText);

    // The drill asked before the change is answered after it; Home then lists the guide's topics.
    await answerDrill(t, member, before, EMPTY_ANSWER);
    const home = await openHome(t, member);
    expect(home.text).toContain('Not started yet: Onboarding New Hires, Customer Escalations');
    expect(home.text).not.toContain('Cross-Functional Collaboration');

    // The subscriber on "debt" (gone) was told once and now drills all topics; the "incidents" one kept theirs.
    expect((await subscriptionOf(t, subscribed))?.topics).toEqual([]);
    const notices = dms(t, subscribed).filter((m) => m.text.includes('no longer has'));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('Balancing Technical Debt with New Features');
    expect((await subscriptionOf(t, member))?.topics).toEqual(['handling-production-incidents']);

    // The scheduler chooses from the guide too.
    await tick(t, clock, '2027-01-12T09:00:00Z');
    const sent = (await drillsOf(t, subscribed)).filter((d) => d.source === 'scheduled');
    expect(sent).toHaveLength(1);
    expect(['onboarding-new-hires', 'customer-escalations', 'handling-production-incidents']).toContain(
      sent[0]?.topicSlug,
    );
  });

  it('takes a guide by file as by paste; refuses a file that is not Markdown, too big or empty', async () => {
    admin();
    const modal = await openUpload(t, ADMIN);
    const refusedFile = async (name: string, content: string | Buffer) => {
      const fileId = t.standin.uploadFile(ADMIN, name, content);
      const answer = await submitUpload(t, ADMIN, modal, { fileId, forged: true });
      expect(answer?.response_action).toBe('errors');
      return answer?.errors?.[BLOCK_GUIDE_FILE];
    };
    expect(await refusedFile('guide.pdf', Buffer.from('%PDF-1.7\u0000binary'))).toBe(
      'guide.pdf is not a Markdown file: a guide is a .md (or .markdown, .txt) text file.',
    );
    expect(await refusedFile('huge.md', `# Huge\n\n${'x'.repeat(210 * 1024)}`)).toBe(
      'The file is 211 KB; a guide is at most 200 KB. Nothing was changed.',
    );
    expect(await refusedFile('empty.md', ' \n')).toContain('the guide is empty');
    // An install without files:read: told to reinstall or paste; the workspace's drills are not paused.
    t.standin.intercept('files.info', () => ({ error: 'missing_scope' }));
    expect(await refusedFile('scope.md', TEAM_GUIDE)).toContain('reinstall the app');
    t.standin.clearIntercepts();
    expect((await healthz(t)).status).toBe(200);
    const both = t.standin.uploadFile(ADMIN, 'team.md', TEAM_GUIDE);
    expect(
      (await submitUpload(t, ADMIN, modal, { fileId: both, text: TEAM_GUIDE }))?.errors?.[BLOCK_GUIDE_FILE],
    ).toBe('Choose a file or paste the text, not both.');
    expect((await versions()).length).toBe(1);

    const renamed = TEAM_GUIDE.replace(
      '# Platform Team Interview Loop',
      '# Platform Team Loop, Second Edition',
    );
    const fileId = t.standin.uploadFile(ADMIN, 'platform.md', renamed);
    expect(await submitUpload(t, ADMIN, modal, { fileId })).toMatchObject({ response_action: 'update' });
    // The bot read the file as Slack serves it: files.info, then url_private with the bot token.
    expect(t.standin.callsTo('files.info').at(-1)?.args.file).toBe(fileId);
    expect(await useThisGuide(t, ADMIN)).toContain('Platform Team Loop, Second Edition');
    expect((await versions()).map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('reset returns to the built-in guide; a second reset says there is nothing to reset', async () => {
    admin();
    const member = person(t, 'UTC', 'UMEMBER');
    expect((await star(t, ADMIN, 'guide reset')).text).toContain(
      'This workspace now drills *Behavioral Interview Study Guide: Technical Leadership and System Reliability* (5 topics)',
    );
    const [latest] = (await versions()).sort((a, b) => b.version - a.version);
    expect(latest).toMatchObject({ version: 3, markdown: null, setBy: ADMIN });
    expect((await requestDrill(t, member, 'debt')).drill.topicSlug).toBe(
      'balancing-technical-debt-with-new-features',
    );
    expect((await guideStatus(t, member)).text).toContain('This workspace drills the built-in guide');
    expect((await star(t, ADMIN, 'guide reset')).text).toContain('already drills the built-in guide');
    expect((await versions()).length).toBe(3);
  });
});
