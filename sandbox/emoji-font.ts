// The colour emoji font the page uses, Noto Color Emoji from the pinned @fontsource package, served by the
// sandbox itself: a machine without an emoji font showed the bot's emoji as empty boxes, and the page must
// not fetch anything from elsewhere (it works offline). The font comes in subsets by unicode-range; the
// browser fetches only the subsets a page's text needs, read from the package on request.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = path.dirname(require.resolve('@fontsource/noto-color-emoji/package.json'));

/** Where the page asks for a subset. */
export const EMOJI_FONT_PATH = '/sandbox/emoji/';
/** The only names served: the package's woff2 subsets (no path can be smuggled in). */
const SUBSET = /^noto-color-emoji-\d{1,3}-400-normal\.woff2$/;

/** The package's @font-face rules, pointing at the sandbox, woff2 only (every browser the page runs in has it). */
export async function emojiFontCss(): Promise<string> {
  const css = await readFile(path.join(PACKAGE_DIR, '400.css'), 'utf8');
  return css
    .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
    .replace(/url\(\.\/files\//g, `url(${EMOJI_FONT_PATH}`);
}

/** A subset's bytes, or null for any other name. */
export async function emojiFontFile(name: string): Promise<Buffer | null> {
  if (!SUBSET.test(name)) return null;
  return readFile(path.join(PACKAGE_DIR, 'files', name)).catch(() => null);
}
