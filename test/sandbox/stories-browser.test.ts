// The story bank and the role in the sandbox, in a real browser (Debian's Chromium through playwright-core),
// by clicks and typing only: an answer becomes a story, renamed from its thread, shown in Home's Stories
// section (the README's screenshot, docs/stories-home.png, is refreshed with UPDATE_SCREENSHOTS=1), picked in
// another question's answer modal to fill it, and the role modal saved from /star role.

import { copyFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSandboxInBrowser } from './support/browser-suite.ts';
import { ANSWER, fillStar, messageWithHeading, type } from './support/sandbox-page.ts';

describeSandboxInBrowser('stories and role in the sandbox', (sandbox) => {
  it('an answer becomes a story, renamed, shown in Home and picked for another answer; the role modal saves', async () => {
    const s = await sandbox.open('stories');
    const { page } = s;
    await type(page, '/star incidents');
    const drill = messageWithHeading(page, 'Drill: Handling Production Incidents');
    await drill.getByRole('button', { name: 'Answer with STAR' }).click();
    const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
    await dialog.waitFor();
    await fillStar(dialog, ANSWER);
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The thread's story note, then the story modal: renamed.
    await drill.getByRole('button', { name: /\d+ repl/ }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText(/This answer tells the story/).waitFor();
    await thread.getByRole('button', { name: 'Edit story' }).click();
    const story = page.getByRole('dialog', { name: 'Your story' });
    await story.waitFor();
    await story.getByLabel('Story title', { exact: true }).fill('Black Friday payments outage');
    await story.getByRole('button', { name: 'Save' }).click();
    await story.getByText(/the story is now called/).waitFor();
    await story.getByRole('button', { name: 'Close', exact: true }).last().click();

    // Home: the Stories section with the story under its topic, the other topics without one.
    await page.getByRole('tab', { name: 'Home' }).click();
    const home = page.getByRole('tabpanel', { name: 'Home' });
    await home.getByText(/Your stories/).waitFor();
    await home
      .getByText(/Black Friday payments outage/)
      .first()
      .waitFor();
    await expect(home.getByText(/No story yet/).count()).resolves.toBeGreaterThan(0);
    await home.getByText(/Your stories/).scrollIntoViewIfNeeded();
    const shot = await s.shot('home-stories');
    // The README's screenshot is refreshed on request only: a test run leaves the tracked files alone.
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(shot, 'docs/stories-home.png');

    // Another question answered from the saved story: picked in the answer modal's select, the fields filled.
    await page.getByRole('tab', { name: 'Messages' }).click();
    await type(page, '/star 2');
    const second = messageWithHeading(page, 'Drill: Cross-Functional Collaboration');
    await second.getByRole('button', { name: 'Answer with STAR' }).click();
    const fromStory = page.getByRole('dialog', { name: 'Answer with STAR' });
    await fromStory.waitFor();
    await fromStory
      .getByRole('combobox', { name: 'Choose a story' })
      .selectOption({ label: 'Black Friday payments outage' });
    await fromStory.getByText(/Filled from your story/).waitFor();
    await expect(fromStory.getByLabel('Situation', { exact: true }).inputValue()).resolves.toBe(
      ANSWER.Situation,
    );
    await s.shot('answer-from-story');
    await fromStory.getByRole('button', { name: 'Save answer' }).click();
    await fromStory.waitFor({ state: 'hidden' });

    // The role, from /star role.
    await type(page, '/star role');
    const role = page.getByRole('dialog', { name: 'The role' });
    await role.waitFor();
    await role.getByLabel('Role title', { exact: true }).fill('Senior Backend Engineer');
    await role
      .getByLabel('Job description', { exact: true })
      .fill('You will own on-call for payment systems and lead incident reviews.');
    await role.getByRole('button', { name: 'Save role' }).click();
    await role.getByText(/you are preparing for/).waitFor();
    await s.shot('role-saved');
  });
});
