// The sandbox pointed at a model endpoint (COACH_MODEL_* set), in a real browser: its header names the model
// and where answers would go; Ada, the sandbox's workspace admin, turns the extra coaching on by typing
// `/star model on`; an answered drill's thread then shows the model's grounded reply after the feedback.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelStandin, startModelStandin } from '../support/model-standin.ts';
import { CHROMIUM, launchChromium, SKIP_MESSAGE } from './support/chromium.ts';
import {
  ANSWER,
  fillStar,
  messageWithHeading,
  migratedTemplate,
  openSandbox,
  type SandboxPage,
  type,
} from './support/sandbox-page.ts';

const FOLLOW_UPS = [
  'What told you it was connection-pool exhaustion on the payments API?',
  'Why did you add circuit breakers before the post-mortem?',
];

let browser: Browser;
let template: Awaited<ReturnType<typeof migratedTemplate>>;
let model: ModelStandin;
let s: SandboxPage | undefined;

describe.skipIf(!CHROMIUM)(`the sandbox with a model${CHROMIUM ? '' : ` (skipped: ${SKIP_MESSAGE})`}`, () => {
  beforeAll(async () => {
    [browser, template, model] = await Promise.all([
      launchChromium(),
      migratedTemplate(),
      startModelStandin(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    template?.remove();
    await model?.close();
  });

  it('names the model in its header; after /star model on, the thread shows the model’s reply second', async () => {
    s = await openSandbox(browser, 'model coaching', template.dir, {
      coachModel: { url: model.url, model: 'standin-coach', concurrency: 4 },
    });
    const { page } = s;
    const header = page.getByRole('banner');
    await expect(header.getByText('Model coaching: standin-coach at').textContent()).resolves.toBe(
      `Model coaching: standin-coach at ${new URL(model.url).host} (/star model on)`,
    );
    await s.shot('header');

    await type(page, '/star model on');
    await page
      .getByText(/Extra coaching is/)
      .first()
      .waitFor();
    await expect(
      page.getByText(/exactly this: the interview question and the four parts/).count(),
    ).resolves.toBe(1);

    model.answer({
      kind: 'json',
      body: {
        followUps: FOLLOW_UPS,
        rewrite: {
          action: 'I traced connection-pool exhaustion, added circuit breakers and led the post-mortem.',
          result: 'Checkout was back in 45 minutes, and database load fell 30%.',
          changes: ['joined the two outcomes of the Result into one sentence'],
        },
      },
    });
    await type(page, '/star incidents');
    const drill = messageWithHeading(page, 'Drill: Handling Production Incidents');
    await drill.getByRole('button', { name: 'Answer with STAR' }).click();
    const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
    await fillStar(dialog, ANSWER);
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drill.getByRole('button', { name: '2 replies' }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText(/Extra coaching from a language model/).waitFor();
    for (const q of FOLLOW_UPS) await thread.getByText(q).waitFor();
    // Three of the guide's follow-ups and the model's two, each with its practise button.
    await expect(thread.getByRole('button', { name: 'Practise this follow-up' }).count()).resolves.toBe(5);
    await s.shot('thread');
    expect(model.requests).toHaveLength(1);
  }, 120_000);
});
