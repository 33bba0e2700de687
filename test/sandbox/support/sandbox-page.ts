// A sandbox per test (free port, fresh data directory, embedded database) and a page on it, with the gestures
// the browser tests share: typing in the composer, answering a drill, and a screenshot per step.

import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/sandbox.ts';
import type { CoachModelConfig } from '../../../src/config.ts';
import { silentDestination } from './silent.ts';

export const ARTIFACTS = path.resolve('test-artifacts/sandbox');

export interface SandboxPage {
  sandbox: RunningSandbox;
  page: Page;
  /** Saves test-artifacts/sandbox/<test>-<step>.png. */
  shot(step: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A data directory whose embedded database is created and migrated, made once per file: creating a PGlite
 * directory costs 3-15 s on a loaded machine, opening a copy of one about 1.5 s.
 */
export async function migratedTemplate(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-drill-sandbox-template-'));
  const sandbox = await startSandbox({ port: 0, dataDir: dir, logDestination: silentDestination() });
  await sandbox.stop();
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sandbox on a free port in a fresh data directory (a copy of `template`), and a page open on it. */
export async function openSandbox(
  browser: Browser,
  testName: string,
  template: string,
  options: { coachModel?: CoachModelConfig } = {},
): Promise<SandboxPage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-drill-sandbox-'));
  cpSync(template, dir, { recursive: true });
  const sandbox = await startSandbox({
    port: 0,
    dataDir: dir,
    logDestination: silentDestination(),
    ...options,
  });
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(sandbox.url);
  await expect.poll(() => page.getByRole('combobox', { name: 'Person' }).inputValue()).not.toBe('');
  mkdirSync(ARTIFACTS, { recursive: true });
  const slug = testName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  let n = 0;
  return {
    sandbox,
    page,
    async shot(step) {
      n += 1;
      const file = path.join(ARTIFACTS, `${slug}-${String(n).padStart(2, '0')}-${step}.png`);
      // The emoji font's subsets load on demand (font-display: swap), so a shot taken at once shows blanks.
      await page.evaluate('document.fonts.ready.then(() => true)');
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
      expect(errors, 'errors thrown in the page').toEqual([]);
    },
  };
}

export const messageBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Message' });
export const dm = (page: Page): Locator => page.getByRole('log', { name: 'Messages with Star Drill' });

/** Types into the composer and sends with Enter, as a person does. */
export async function type(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
}

/** The DM message (article) holding a heading with this text; the latest when several do. */
export function messageWithHeading(page: Page, heading: string | RegExp): Locator {
  return dm(page)
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .last();
}

export const ANSWER = {
  Situation: 'Our payments API went down at peak on Black Friday.',
  Task: 'As on-call lead I had to restore checkout and stop it recurring.',
  Action: 'I traced connection-pool exhaustion, added circuit breakers and led the post-mortem.',
  Result: 'Checkout was back in 45 minutes; database load fell 30%.',
};

/** Fills the STAR modal field by field, through their labels. */
export async function fillStar(dialog: Locator, answer: Record<string, string>): Promise<void> {
  for (const [label, text] of Object.entries(answer))
    await dialog.getByLabel(label, { exact: true }).fill(text);
}
