// A mock interview in the sandbox, in a real browser (Debian's Chromium through playwright-core), by clicks and
// typing only: `/star mock`, then each of the three questions answered in the STAR modal and each follow-up in
// its one-field modal, then the summary.

import { expect, it } from 'vitest';
import { describeSandboxInBrowser } from './support/browser-suite.ts';
import { ANSWER, fillStar, messageWithHeading, type } from './support/sandbox-page.ts';

describeSandboxInBrowser('a mock interview in the sandbox', (sandbox) => {
  it('runs three questions and their follow-ups by clicks, then shows the summary', async () => {
    const s = await sandbox.open('mock');
    const { page } = s;
    await type(page, '/star mock');
    for (let n = 1; n <= 3; n++) {
      const question = messageWithHeading(page, `Mock interview · Question ${n} of 3`);
      await question.getByRole('button', { name: 'Answer with STAR' }).click();
      const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
      await dialog.waitFor();
      await fillStar(dialog, ANSWER);
      await dialog.getByRole('button', { name: 'Save answer' }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (n === 1) await s.shot('first-answer-saved');

      const followUp = messageWithHeading(page, `Mock interview · Follow-up to question ${n} of 3`);
      await followUp.getByText(`Your answer to question ${n}: answered in`).first().waitFor();
      await followUp.getByRole('button', { name: 'Answer the follow-up' }).click();
      const modal = page.getByRole('dialog', { name: 'Practise a follow-up' });
      await modal.waitFor();
      await modal
        .getByLabel('Your answer', { exact: true })
        .fill('I called the database owner myself; we cut the error rate from 8% to 0.1% that afternoon.');
      await modal.getByRole('button', { name: 'Save answer' }).click();
      await modal.waitFor({ state: 'hidden' });
    }
    const summary = messageWithHeading(page, 'Mock interview: summary');
    await summary.waitFor();
    await summary
      .getByText(/6 of 6/)
      .first()
      .waitFor();
    await expect(summary.getByText(/Practise next/).count()).resolves.toBe(1);
    await expect(summary.getByText(/Strongest answer: question/).count()).resolves.toBe(1);
    await summary.scrollIntoViewIfNeeded();
    await s.shot('summary');
  });
});
