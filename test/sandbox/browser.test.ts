// The sandbox in a real browser (Debian's Chromium through playwright-core), used by clicking and typing only.
// Role and label locators double as the accessibility check: the composer is a textbox named "Message", the
// buttons are buttons named by their text, the modal is a dialog named by its title with labelled fields.

import type { Browser, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, SKIP_MESSAGE } from './support/chromium.ts';
import {
  ANSWER,
  dm,
  fillStar,
  messageWithHeading,
  migratedTemplate,
  openSandbox,
  type SandboxPage,
  type,
} from './support/sandbox-page.ts';

let browser: Browser;
let template: Awaited<ReturnType<typeof migratedTemplate>>;
let current: SandboxPage | undefined;

async function open(name: string): Promise<SandboxPage> {
  current = await openSandbox(browser, name, template.dir);
  return current;
}

describe.skipIf(!CHROMIUM)(`the sandbox in Chromium${CHROMIUM ? '' : ` (skipped: ${SKIP_MESSAGE})`}`, () => {
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

  /** `/star incidents`, then the drill's modal filled and saved; returns the drill message. */
  async function answerADrill(s: SandboxPage, answer = ANSWER) {
    const { page } = s;
    await type(page, '/star incidents');
    const drill = messageWithHeading(page, 'Drill: Handling Production Incidents');
    await drill.getByRole('button', { name: 'Answer with STAR' }).waitFor();
    await s.shot('drill');
    await drill.getByRole('button', { name: 'Answer with STAR' }).click();
    const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
    await dialog.waitFor();
    await fillStar(dialog, answer);
    await s.shot('modal-filled');
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drill.getByRole('button', { name: 'Edit answer' }).waitFor();
    return drill;
  }

  it('a drill from /star incidents to the saved answer with its feedback in the thread', async () => {
    const s = await open('drill to feedback');
    const { page } = s;
    const drill = await answerADrill(s);
    await expect(drill.getByText(/Answered/).textContent()).resolves.toMatch(
      /Answered (today|yesterday) at \d\d:\d\d/,
    );
    await drill.getByRole('button', { name: '1 reply' }).click();
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText('Your answer, saved').waitFor();
    await thread
      .getByText(/^Score: \d+\/100/)
      .first()
      .waitFor();
    await expect(thread.getByText(/The guide's sample answer/).count()).resolves.toBe(1);
    await expect(thread.getByText(ANSWER.Result).count()).resolves.toBe(1);
    await thread.getByText('Follow-up questions an interviewer would ask').waitFor();
    await s.shot('thread');
  });

  it('a field the bot refuses shows its error beside the field, and the text typed stays', async () => {
    const s = await open('field error');
    const { page } = s;
    await type(page, '/star incidents');
    const drill = messageWithHeading(page, 'Drill: Handling Production Incidents');
    await drill.getByRole('button', { name: 'Answer with STAR' }).click();
    const dialog = page.getByRole('dialog', { name: 'Answer with STAR' });
    await dialog.waitFor();

    // Left empty: Slack's client itself refuses to submit, and says so beside the field.
    await fillStar(dialog, { Situation: ANSWER.Situation, Task: ANSWER.Task, Action: ANSWER.Action });
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    const result = dialog.getByLabel('Result', { exact: true });
    await expect.poll(() => result.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => accessibleDescription(result)).toMatch(/Please complete this required field/);

    // Only spaces: the client lets it through; the bot answers response_action errors for that field.
    await result.fill('   ');
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await expect.poll(() => accessibleDescription(result)).toMatch(/result/i);
    await expect.poll(() => accessibleDescription(result)).not.toMatch(/required field/);
    await s.shot('bot-error');
    await expect(dialog.getByLabel('Situation', { exact: true }).inputValue()).resolves.toBe(
      ANSWER.Situation,
    );
    await expect(dialog.getByLabel('Action', { exact: true }).inputValue()).resolves.toBe(ANSWER.Action);
    await expect(dialog.getByLabel('Task', { exact: true }).getAttribute('aria-invalid')).resolves.toBeNull();

    await result.fill(ANSWER.Result);
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drill.getByRole('button', { name: '1 reply' }).waitFor();
  });

  it('Edit answer reopens the modal filled with the answer; saving changes it', async () => {
    const s = await open('edit answer');
    const { page } = s;
    const drill = await answerADrill(s);
    await drill.getByRole('button', { name: 'Edit answer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit your answer' });
    await dialog.waitFor();
    for (const [label, text] of Object.entries(ANSWER)) {
      await expect(dialog.getByLabel(label, { exact: true }).inputValue()).resolves.toBe(text);
    }
    await s.shot('edit-prefilled');
    const better = 'Checkout was back in 45 minutes; p99 latency halved since.';
    await dialog.getByLabel('Result', { exact: true }).fill(better);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await drill.getByRole('button', { name: 'Edit answer' }).click();
    const again = page.getByRole('dialog', { name: 'Edit your answer' });
    await again.waitFor();
    await expect(again.getByLabel('Result', { exact: true }).inputValue()).resolves.toBe(better);
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'hidden' });
    // Editing posts no second sample answer: the thread still has one reply.
    await drill.getByRole('button', { name: '1 reply' }).waitFor();
  });

  it('subscribe, jump to the next scheduled drill, and the drill arrives', async () => {
    const s = await open('subscribe and jump');
    const { page } = s;
    await page.getByRole('button', { name: 'Jump to the next scheduled event' }).click();
    await page
      .getByRole('status')
      .getByText(/no daily drills yet.*\/star subscribe/)
      .waitFor();

    await type(page, '/star subscribe 09:00 daily');
    const reply = dm(page).getByRole('article').filter({ hasText: 'Only visible to you' }).last();
    await reply.getByText(/09:00/).first().waitFor();
    await s.shot('subscribed');

    await page.getByRole('button', { name: 'Jump to the next drill' }).click();
    await page
      .getByRole('status')
      .getByText(/Jumped to .* 09:00 \(Europe\/London\)/)
      .waitFor();
    const scheduled = messageWithHeading(page, /^Today's drill: /);
    await scheduled.getByRole('button', { name: 'Answer with STAR' }).waitFor();
    await expect(page.locator('#clock').textContent()).resolves.toMatch(/09:0\d for Ada/);
    await s.shot('scheduled-drill');
  });

  it("each person has their own DM and zone; a zone change reaches the bot's schedule", async () => {
    const s = await open('people and zones');
    const { page } = s;
    await type(page, '/star incidents');
    await messageWithHeading(page, 'Drill: Handling Production Incidents').waitFor();

    await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Ravi Kumar' });
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue())
      .toBe('Asia/Kolkata');
    await dm(page).getByText('No messages yet').waitFor();
    await type(page, '/star subscribe 08:00 weekdays');
    await dm(page).getByText(/08:00/).first().waitFor();

    await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Tokyo');
    await page.getByRole('status').getByText('Ravi Kumar is now in Asia/Tokyo.').waitFor();
    await type(page, '/star status');
    await dm(page)
      .getByRole('article')
      .last()
      .getByText(/Asia\/Tokyo/)
      .first()
      .waitFor();
    await s.shot('ravi-in-tokyo');

    await page
      .getByRole('combobox', { name: 'Person' })
      .selectOption({ label: 'Ada Lovelace (workspace admin)' });
    await messageWithHeading(page, 'Drill: Handling Production Incidents').waitFor();
  });

  it('the Home tab shows the Home view the bot publishes, live', async () => {
    const s = await open('home tab');
    const { page } = s;
    await page.getByRole('tab', { name: 'Home' }).click();
    const home = page.getByRole('tabpanel', { name: 'Home' });
    // Opening the tab sends app_home_opened; the bot publishes the person's Home view.
    await home
      .getByRole('button', { name: /Subscribe|Settings/ })
      .first()
      .waitFor();
    await expect(home.getByText('has not published a Home tab').count()).resolves.toBe(0);
    await s.shot('home');
    // An answer publishes it again: the drill answered shows up in the person's progress.
    await page.getByRole('tab', { name: 'Messages' }).click();
    await messageBoxVisible(s);
    await answerADrill(s);
    await page.getByRole('tab', { name: 'Home' }).click();
    await home
      .getByText(/Handling Production Incidents/)
      .first()
      .waitFor();
    await s.shot('home-after-answer');
  });

  it('Subscribe on the Home tab opens the settings; a day-less choice is refused beside Days; saving subscribes', async () => {
    const s = await open('settings from home');
    const { page } = s;
    await page.getByRole('tab', { name: 'Home' }).click();
    const home = page.getByRole('tabpanel', { name: 'Home' });
    await home.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Drill settings' });
    await dialog.waitFor();
    await expect(dialog.getByText('not shown in the sandbox').count()).resolves.toBe(0);

    // The defaults of someone not subscribed: 09:00 on weekdays, every topic, reminder after 4 hours.
    const time = dialog.getByLabel('Time', { exact: true });
    const days = dialog.getByRole('group', { name: 'Days' });
    const topics = dialog.getByRole('listbox', { name: /^Topics/ });
    const reminder = dialog.getByRole('combobox', { name: 'Reminder' });
    await expect(time.inputValue()).resolves.toBe('09:00');
    await expect(checkedDays(days)).resolves.toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
    ]);
    await expect(accessibleDescription(time)).resolves.toMatch(/Your local time \(Europe\/London\)\.$/);
    await expect(accessibleDescription(topics)).resolves.toMatch(/Leave empty to drill every topic/);
    await s.shot('settings-defaults');

    await time.fill('07:45');
    for (const day of WEEK.slice(0, 5)) await days.getByRole('checkbox', { name: day }).click();
    await topics.getByRole('option', { name: 'Handling Production Incidents' }).click();
    await topics
      .getByRole('option', { name: 'Cross-Functional Collaboration' })
      .click({ modifiers: ['Control'] });
    await reminder.selectOption({ label: 'Off' });

    // No day ticked: Slack's client refuses to submit, and says so beside the days; the rest stays as chosen.
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => accessibleDescription(days)).toMatch(/Please complete this required field/);
    await expect(days.getByRole('checkbox', { name: 'Monday' }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(time.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(time.inputValue()).resolves.toBe('07:45');
    await expect(selectedTopics(topics)).resolves.toEqual([
      'Handling Production Incidents',
      'Cross-Functional Collaboration',
    ]);
    await expect(reminder.inputValue()).resolves.toBe('off');
    await s.shot('settings-no-day');

    await days.getByRole('checkbox', { name: 'Tuesday' }).click();
    await days.getByRole('checkbox', { name: 'Thursday' }).click();
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The Home tab is published again with the next drill; the DM has the confirmation.
    const next = home.getByText(/Next drill: (Tue|Thu) .* at 07:45/);
    await next.waitFor();
    await expect(next.textContent()).resolves.toMatch(
      /07:45 Europe\/London, .*Tue.*Thu.*Handling Production Incidents, Cross-Functional Collaboration · reminder off/i,
    );
    await s.shot('home-subscribed');
    await page.getByRole('tab', { name: 'Messages' }).click();
    await dm(page)
      .getByText(/Subscribed: a drill at 07:45 Europe\/London/)
      .first()
      .waitFor();
    await s.shot('dm-confirmation');

    // Settings opens with what was saved.
    await page.getByRole('tab', { name: 'Home' }).click();
    await home.getByRole('button', { name: /Settings/ }).click();
    await dialog.waitFor();
    await expect.poll(() => time.inputValue()).toBe('07:45');
    await expect(checkedDays(days)).resolves.toEqual(['Tuesday', 'Thursday']);
    await expect(selectedTopics(topics)).resolves.toEqual([
      'Handling Production Incidents',
      'Cross-Functional Collaboration',
    ]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});

const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The days ticked in the Days group, in week order. */
async function checkedDays(group: Locator): Promise<string[]> {
  const ticked: string[] = [];
  for (const day of WEEK) if (await group.getByRole('checkbox', { name: day }).isChecked()) ticked.push(day);
  return ticked;
}

/** The texts of a list box's selected options, in order. */
async function selectedTopics(listbox: Locator): Promise<string[]> {
  return listbox.getByRole('option', { selected: true }).allTextContents();
}

async function messageBoxVisible(s: SandboxPage): Promise<void> {
  await s.page.getByRole('textbox', { name: 'Message' }).waitFor();
}

/** The accessible description Chromium computes for a field (its hint and its error, via aria-describedby). */
function accessibleDescription(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    // Typed by hand: the tests compile without the DOM's types.
    const field = el as unknown as FieldNode;
    return (field.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => field.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
}

interface FieldNode {
  getAttribute(name: string): string | null;
  ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
}
