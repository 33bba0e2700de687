// Switching the Person in the sandbox, then typing at once, in a real browser (Debian's Chromium through
// playwright-core): the command goes out as the person the switcher shows, even while their conversation is
// still loading. It went out as the person before, whose reply then landed in a conversation no longer shown
// (guide-browser.test.ts timed out on it once on a loaded machine).
//
// Bad input tried: the new person's conversation held back (its /sandbox/state request paused by the test)
// while the command is typed and sent.

import { expect, it } from 'vitest';
import { describeSandboxInBrowser } from './support/browser-suite.ts';
import { messageWithHeading, type } from './support/sandbox-page.ts';

describeSandboxInBrowser('switching the person', (sandbox) => {
  it('a command typed while the new person’s conversation loads is theirs', async () => {
    const s = await sandbox.open('person switch');
    const { page } = s;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked: () => void = () => {};
    const stateAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    await page.route('**/sandbox/state?user=*', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Ravi Kumar' });
    await stateAsked;
    await type(page, '/star incidents');
    release();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue())
      .toBe('Asia/Kolkata');
    // The drill in Ravi's conversation (a fresh sandbox: nobody has a message yet).
    await messageWithHeading(page, 'Drill: Handling Production Incidents').waitFor();
  }, 60_000);
});
