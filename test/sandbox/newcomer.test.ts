// What a newcomer tripped on in the sandbox page, in a real browser (Debian's Chromium through playwright-core),
// used by clicking, typing and scrolling only: the DM follows the conversation while the reader is at the
// bottom, a "New messages" marker when they scrolled up; switching person on Home opens that person's Home;
// a zone change re-renders every time shown.

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, SKIP_MESSAGE } from './support/chromium.ts';
import { dm, migratedTemplate, openSandbox, type SandboxPage, type } from './support/sandbox-page.ts';

let browser: Browser;
let template: Awaited<ReturnType<typeof migratedTemplate>>;
let current: SandboxPage | undefined;

async function open(name: string): Promise<SandboxPage> {
  current = await openSandbox(browser, name, template.dir);
  return current;
}

/** How far the DM is from its end, in pixels (0: the last message is in view). */
const fromEnd = (page: Page) =>
  dm(page).evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight));
const articles = (page: Page) => dm(page).getByRole('article').count();

/** Types `text` and waits for the reply to be on the page (one article more). */
async function exchange(page: Page, text: string): Promise<void> {
  const before = await articles(page);
  await type(page, text);
  await expect.poll(() => articles(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

describe.skipIf(!CHROMIUM)(
  `the sandbox for a newcomer${CHROMIUM ? '' : ` (skipped: ${SKIP_MESSAGE})`}`,
  () => {
    beforeAll(async () => {
      [browser, template] = await Promise.all([launchChromium(), migratedTemplate()]);
    });
    afterAll(async () => {
      await browser?.close();
      template?.remove();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    it('follows the conversation at the bottom; scrolled up, a marker says new messages came', async () => {
      const s = await open('follow the conversation');
      const { page } = s;
      // Enough replies to overflow the DM.
      for (const text of ['/star help', '/star tips', '/star topics']) await exchange(page, text);
      await expect.poll(() => fromEnd(page)).toBeLessThan(80);

      await exchange(page, '/star tips');
      await expect.poll(() => fromEnd(page)).toBeLessThan(80); // the new reply is in view
      const marker = page.getByRole('button', { name: /New messages/ });
      await expect(marker.isVisible()).resolves.toBe(false);

      await dm(page).evaluate((el) => {
        el.scrollTop = 0;
      });
      await exchange(page, '/star tips');
      await marker.waitFor();
      await expect(dm(page).evaluate((el) => el.scrollTop)).resolves.toBe(0); // the reader stays where they were
      await s.shot('new-messages-marker');
      await marker.click();
      await expect.poll(() => fromEnd(page)).toBeLessThan(80);
      await marker.waitFor({ state: 'hidden' });
    });

    it('switching person while on Home opens that person’s Home', async () => {
      const s = await open('switch person on home');
      const { page } = s;
      await exchange(page, '/star subscribe 09:00 daily'); // Ada subscribes; Ravi does not
      await page.getByRole('tab', { name: 'Home' }).click();
      const home = page.getByRole('tabpanel', { name: 'Home' });
      await home
        .getByText(/Next drill/)
        .first()
        .waitFor();
      await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Ravi Kumar' });
      await home
        .getByText(/Not subscribed/)
        .first()
        .waitFor();
      await expect(home.getByText(/Next drill/).count()).resolves.toBe(0);
      await expect(home.getByText('has not published a Home tab').count()).resolves.toBe(0);
      await s.shot('ravi-home');
    });

    it('Jump names the next scheduled event on its button: the drill, then its reminder', async () => {
      const s = await open('jump to events');
      const { page } = s;
      await page.getByRole('button', { name: 'Jump to the next scheduled event' }).waitFor();
      await exchange(page, '/star subscribe 09:00 daily');
      await page.getByRole('button', { name: 'Jump to the next drill' }).click();
      const drill = dm(page)
        .getByRole('article')
        .filter({ hasText: /Today's drill/ })
        .last();
      await drill.getByRole('button', { name: 'Answer with STAR' }).waitFor();

      // Next comes the drill's reminder, 4 hours later, before tomorrow's drill: it is not passed over.
      await page.getByRole('button', { name: 'Jump to the next reminder' }).click();
      await page
        .getByRole('status')
        .getByText(/Jumped to .* 13:00 \(Europe\/London\), when Ada's next reminder was due/)
        .waitFor();
      await drill.getByRole('button', { name: '1 reply' }).click();
      const thread = page.getByRole('complementary', { name: 'Thread' });
      await thread.getByText(/A nudge: today's drill is still waiting/).waitFor();
      await thread.getByRole('button', { name: 'Skip today' }).waitFor();
      await page.getByRole('button', { name: 'Jump to the next drill' }).waitFor();
      await s.shot('reminder');
    });

    it('a paste over max_length is kept whole: a counter says how many characters are over, and saving says so', async () => {
      const s = await open('max length');
      const { page } = s;
      await type(page, '/star incidents');
      const drill = dm(page)
        .getByRole('article')
        .filter({ hasText: /Handling Production Incidents/ })
        .last();
      await drill.getByRole('button', { name: 'Answer with STAR' }).click();
      const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
      const situation = dialog.getByLabel('Situation', { exact: true });
      await situation.fill('word '.repeat(560)); // 2,800 characters: near the 3,000 limit
      await dialog.getByText('2,800 / 3,000').waitFor();
      const pasted = 'x'.repeat(5000);
      await situation.fill(pasted);
      await expect(situation.inputValue()).resolves.toBe(pasted); // not cut to 3,000
      await dialog.getByText('5,000 / 3,000: 2,000 characters over').waitFor();
      for (const [label, text] of Object.entries({
        Task: 'I led it.',
        Action: 'I fixed it.',
        Result: 'It worked.',
      }))
        await dialog.getByLabel(label, { exact: true }).fill(text);
      await dialog.getByRole('button', { name: 'Save answer' }).click();
      await dialog.getByText(/2,000 characters over the limit of 3,000/).waitFor();
      await expect(situation.inputValue()).resolves.toBe(pasted);
      await expect(situation.getAttribute('aria-invalid')).resolves.toBe('true');
      await s.shot('over-limit');
      await situation.fill('Our payments API went down at peak on Black Friday.');
      await expect(dialog.getByText(/ \/ 3,000/).count()).resolves.toBe(0); // the counter goes with the excess
    });

    it('an open modal keeps what was typed across a reload; Esc with typed text asks before discarding', async () => {
      const s = await open('modal draft');
      const { page } = s;
      await type(page, '/star incidents');
      const drill = dm(page)
        .getByRole('article')
        .filter({ hasText: /Handling Production Incidents/ })
        .last();
      await drill.getByRole('button', { name: 'Answer with STAR' }).click();
      let dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
      const typed = 'Our payments API went down at peak on Black Friday.';
      await dialog.getByLabel('Situation', { exact: true }).fill(typed);

      await page.reload();
      dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
      await dialog.waitFor();
      await expect.poll(() => dialog.getByLabel('Situation', { exact: true }).inputValue()).toBe(typed);
      await s.shot('draft-after-reload');

      // Esc: asked first; "Cancel" keeps the modal and the text.
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.keyboard.press('Escape');
      await expect.poll(() => asked).toEqual(['Discard what you typed in this form?']);
      await expect(dialog.isVisible()).resolves.toBe(true);
      await expect(dialog.getByLabel('Situation', { exact: true }).inputValue()).resolves.toBe(typed);

      // Confirmed: the modal closes, and a reload does not bring the draft back.
      page.once('dialog', (d) => void d.accept());
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.reload();
      await drill.getByRole('button', { name: 'Answer with STAR' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('dialog', { name: 'Answer with STAR' })
            .getByLabel('Situation', { exact: true })
            .inputValue(),
        )
        .toBe('');
      // With nothing typed, Esc closes without asking.
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.accept();
      });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Answer with STAR' }).waitFor({ state: 'hidden' });
      expect(asked).toHaveLength(1);
    });

    it('emoji come from the colour font the sandbox serves, and the bot’s :shortcodes: show as emoji', async () => {
      const s = await open('emoji');
      const { page } = s;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await exchange(page, '/star subscribe 09:00 daily');
      const reply = dm(page).getByRole('article').last();
      await expect(reply.textContent()).resolves.toContain('✅');
      await expect(reply.textContent()).resolves.not.toContain(':white_check_mark:');
      // In the page (the test's own types have no DOM): the font faces that cover these emoji, once loaded.
      const faces = await page.evaluate<string[]>(
        `document.fonts.load('16px "Noto Color Emoji"', '✅🔥').then((loaded) => loaded.map((f) => f.status))`,
      );
      expect(faces.length).toBeGreaterThan(0);
      expect(faces.every((status) => status === 'loaded')).toBe(true);
      const fonts = requests.filter((u) => u.includes('/sandbox/emoji/'));
      expect(fonts.length).toBeGreaterThan(0);
      // Offline: every request the page made went to the sandbox itself.
      expect(requests.filter((u) => !u.startsWith(s.sandbox.url))).toEqual([]);
      await s.shot('emoji');
    });

    it('a time-zone change re-renders every time shown, the clock and the messages', async () => {
      const s = await open('zone change');
      const { page } = s;
      await exchange(page, '/star tips');
      const stamp = dm(page).getByRole('article').last().locator('time');
      const iso = await stamp.getAttribute('datetime');
      const inZone = (tz: string) =>
        new Intl.DateTimeFormat('en-GB', {
          timeZone: tz,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(iso ?? ''));
      await expect(stamp.textContent()).resolves.toBe(inZone('Europe/London'));
      const clockBefore = await page.locator('#clock').textContent();

      await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Kolkata');
      await expect.poll(() => stamp.textContent()).toBe(inZone('Asia/Kolkata'));
      await expect.poll(() => page.locator('#clock').textContent()).not.toBe(clockBefore);
      await s.shot('kolkata-times');
    });
  },
);
