// Debian's chromium driven by playwright-core: nothing is downloaded by the test runner. Where no Chromium can
// be found the browser tests are skipped with a message that says how to install one.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROMIUM_PATH, else the first of Debian's (or Chrome's) binaries on the PATH. */
export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  for (const name of CANDIDATES) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on the PATH
    }
  }
  return undefined;
}

export const CHROMIUM = findChromium();

export const SKIP_MESSAGE =
  "no Chromium found: install Debian's (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH";

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(SKIP_MESSAGE);
  // playwright-core gives every launch a fresh temporary profile (--user-data-dir) of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
