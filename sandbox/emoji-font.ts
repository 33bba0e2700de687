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

/**
 * The package's @font-face rules, pointing at the sandbox, woff2 only (every browser the page runs in has it),
 * and without the Latin-1 code points one subset claims (# * 0-9 (c) (r), the bases of keycap emoji): on a
 * machine with none of the page's named text fonts the browser took digits from this font, whose glyphs for
 * them are blank, and every number on the page vanished. Keycaps still render (the text font's digit and
 * this font's U+20E3).
 */
export async function emojiFontCss(): Promise<string> {
  const css = await readFile(path.join(PACKAGE_DIR, '400.css'), 'utf8');
  return css
    .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
    .replace(/url\(\.\/files\//g, `url(${EMOJI_FONT_PATH}`)
    .replace(/unicode-range:([^;]*);/g, (_all, ranges: string) => `unicode-range:${beyondLatin1(ranges)};`);
}

/** A unicode-range list without the ranges that lie wholly in U+0000-00FF (the package's never straddle it). */
function beyondLatin1(ranges: string): string {
  return ranges
    .split(',')
    .filter((r) => Number.parseInt(r.trim().replace(/^U\+/i, '').split('-').at(-1) ?? '0', 16) > 0xff)
    .join(',');
}

/** A subset's bytes, or null for any other name. */
export async function emojiFontFile(name: string): Promise<Buffer | null> {
  if (!SUBSET.test(name)) return null;
  return readFile(path.join(PACKAGE_DIR, 'files', name)).catch(() => null);
}
