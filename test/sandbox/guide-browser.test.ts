// The workspace's own guide in the sandbox, in a real browser (Debian's Chromium through playwright-core), by
// clicks and typing only: Ada (the Person switcher marks her the workspace admin) opens `/star guide`, pastes a
// guide with a problem and is told its line, fixes it, previews it and presses **Use this guide**; her next
// drill comes from it. Ravi, a member, sees the guide without the Upload button.

import { expect, it } from 'vitest';
import { lineOf, TEAM_GUIDE } from '../guide-e2e/support.ts';
import { describeSandboxInBrowser } from './support/browser-suite.ts';
import { messageWithHeading, type } from './support/sandbox-page.ts';

describeSandboxInBrowser('the workspace guide in the sandbox', (sandbox) => {
  it('the admin pastes a guide, fixes the line it names, uses it, and drills from it; a member only sees it', async () => {
    const s = await sandbox.open('workspace guide');
    const { page } = s;
    const personSelect = page.getByRole('combobox', { name: 'Person' });
    await personSelect.selectOption({ label: 'Ada Lovelace (workspace admin)' });

    await type(page, '/star guide');
    await page.getByText('This workspace drills the built-in guide').first().waitFor();
    await page.getByRole('button', { name: 'Upload a guide' }).last().click();
    const upload = page.getByRole('dialog', { name: 'Upload a guide' });
    const paste = upload.getByLabel('Or paste the guide', { exact: false });
    // A topic without follow-ups: refused with its line, the text stays for fixing.
    const broken = TEAM_GUIDE.replace(
      '### Follow-up Questions to Anticipate\n\n- "What would you do differently?"\n',
      '',
    );
    await paste.fill(broken);
    await upload.getByRole('button', { name: 'Check guide' }).click();
    await upload
      .getByText(
        `line ${lineOf(broken, '## 1. Onboarding New Hires')}: topic "1. Onboarding New Hires": missing "### Follow-up Questions to Anticipate"`,
        { exact: false },
      )
      .waitFor();
    await expect(paste.inputValue()).resolves.toBe(broken);
    await s.shot('problems');

    await paste.fill(TEAM_GUIDE);
    await upload.getByRole('button', { name: 'Check guide' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview the guide' });
    await preview.getByText('1. Onboarding New Hires (2 questions)').waitFor();
    await preview.getByText(/no sample answer for topic 2/).waitFor();
    await s.shot('preview');
    await preview.getByRole('button', { name: 'Use this guide' }).click();
    await page
      .getByRole('dialog', { name: 'Guide in use' })
      .getByText(/now drills/)
      .waitFor();
    await page.getByRole('dialog', { name: 'Guide in use' }).getByRole('button', { name: 'Done' }).click();

    await type(page, '/star onboarding');
    await messageWithHeading(page, 'Drill: Onboarding New Hires').waitFor();
    await s.shot('drill');

    await personSelect.selectOption({ label: 'Ravi Kumar' });
    await type(page, '/star guide');
    await page.getByText("This workspace's guide: Platform Team Interview Loop").first().waitFor();
    await expect(page.getByRole('button', { name: 'Upload a guide' }).count()).resolves.toBe(0);
  }, 120_000);
});
