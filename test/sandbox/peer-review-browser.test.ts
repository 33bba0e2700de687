// Ask a colleague in the sandbox, in a real browser (Debian's Chromium through playwright-core), by clicks and
// typing only: Ada answers a drill and asks Ravi from the thread (the people picker lists the sandbox's
// people); the Person switcher turns the page into Ravi's, who reviews from his DM; back as Ada, the review is
// in the drill's thread.

import { it } from 'vitest';
import { describeSandboxInBrowser } from './support/browser-suite.ts';
import { ANSWER, dm, fillStar, messageWithHeading, type } from './support/sandbox-page.ts';

describeSandboxInBrowser('ask a colleague in the sandbox', (sandbox) => {
  it('Ada asks Ravi; switched to Ravi, he reviews from his DM; Ada reads it in the thread', async () => {
    const s = await sandbox.open('peer-review');
    const { page } = s;
    const personSwitch = page.getByRole('combobox', { name: 'Person' });
    await personSwitch.selectOption({ label: 'Ada Lovelace (workspace admin)' });

    await type(page, '/star incidents');
    const drill = messageWithHeading(page, 'Drill: Handling Production Incidents');
    await drill.getByRole('button', { name: 'Answer with STAR' }).click();
    const answer = page.getByRole('dialog', { name: 'Answer with STAR' });
    await answer.waitFor();
    await fillStar(answer, ANSWER);
    await answer.getByRole('button', { name: 'Save answer' }).click();
    await answer.waitFor({ state: 'hidden' });

    // From the thread: Ask a colleague, pick Ravi, a note; the preview shows the answer.
    await drill.getByRole('button', { name: /\d+ repl/ }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByRole('button', { name: 'Ask a colleague' }).first().click();
    const ask = page.getByRole('dialog', { name: 'Ask a colleague' });
    await ask.waitFor();
    await ask.getByText('What they will see').waitFor();
    await ask.getByText(ANSWER.Situation).first().waitFor();
    await ask.getByLabel('Colleague', { exact: true }).selectOption({ label: 'Ravi Kumar' });
    await ask.getByLabel(/Note to them/).fill('Is the result convincing?');
    await s.shot('ask-modal');
    await ask.getByRole('button', { name: 'Send' }).click();
    await ask.waitFor({ state: 'hidden' });
    await thread
      .getByText(/Sent to @?Ravi Kumar for review/)
      .first()
      .waitFor();

    // Ravi: the request in his DM, Review, four ratings and a comment.
    await personSwitch.selectOption({ label: 'Ravi Kumar' });
    const request = dm(page).getByRole('article').filter({ hasText: 'asks for your eyes' }).last();
    await request.getByText('Is the result convincing?').waitFor();
    await s.shot('ravi-request');
    await request.getByRole('button', { name: 'Review' }).click();
    const review = page.getByRole('dialog', { name: 'Review an answer' });
    await review.waitFor();
    for (const [label, rating] of [
      ['The situation is clear', '5'],
      ['It shows their own actions', '4'],
      ['The result is measured', '4'],
      ['I would hire on this answer', '5'],
    ] as const) {
      await review.getByLabel(label, { exact: true }).selectOption(rating);
    }
    await review.getByLabel(/Comment/).fill('Lead with the numbers.');
    await review.getByRole('button', { name: 'Send review' }).click();
    await review.getByText(/your review is saved/).waitFor();
    await review.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dm(page)
      .getByText(/Thank you: your review/)
      .first()
      .waitFor();

    // Ada again: the review in her drill's thread.
    await personSwitch.selectOption({ label: 'Ada Lovelace (workspace admin)' });
    await drill.getByRole('button', { name: /\d+ repl/ }).click();
    await thread
      .getByText(/reviewed your answer: 4\.5\/5 overall/)
      .first()
      .waitFor();
    await thread.getByText('Lead with the numbers.').first().waitFor();
    await s.shot('ada-review-in-thread');
  });
});
