// One describe block per browser test file of the sandbox: Chromium launched and the sandbox's database
// template migrated once for the file, each test's sandbox closed after it, the whole block skipped (and
// saying why) where Debian's chromium is not installed.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { CHROMIUM, launchChromium, SKIP_MESSAGE } from './chromium.ts';
import { migratedTemplate, openSandbox, type SandboxPage } from './sandbox-page.ts';

export interface SandboxBrowser {
  /** A fresh sandbox (its own data directory from the template) in a new page; closed after the test. */
  open(label: string): Promise<SandboxPage>;
}

export function describeSandboxInBrowser(name: string, tests: (sandbox: SandboxBrowser) => void): void {
  describe.skipIf(!CHROMIUM)(`${name}${CHROMIUM ? '' : ` (skipped: ${SKIP_MESSAGE})`}`, () => {
    let browser: Browser;
    let template: Awaited<ReturnType<typeof migratedTemplate>>;
    let current: SandboxPage | undefined;
    beforeAll(async () => {
      [browser, template] = await Promise.all([launchChromium(), migratedTemplate()]);
    }, 180_000);
    afterAll(async () => {
      await current?.close();
      await browser?.close();
      template?.remove();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    tests({
      open: async (label) => {
        current = await openSandbox(browser, label, template.dir);
        return current;
      },
    });
  });
}
