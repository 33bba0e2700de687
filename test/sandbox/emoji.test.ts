// Every :shortcode: the bot writes renders as an emoji on the sandbox page, and the emoji font is served only
// from the pinned package's own subsets. Bad inputs tried: a path out of the package, a .woff (not served),
// a name that is not a subset.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMOJI_FONT_PATH, emojiFontCss, emojiFontFile } from '../../sandbox/emoji-font.ts';
import { mrkdwn } from '../../sandbox/render/mrkdwn.ts';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourcesUnder(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Every `:name:` in the bot's replies and views (the sandbox's own code left out). */
const SHORTCODES = [
  ...new Set(
    ['src/views', 'src/slack', 'src/progress']
      .flatMap(sourcesUnder)
      .flatMap((f) => readFileSync(f, 'utf8').match(/:[a-z][a-z0-9_+-]*[a-z]:/g) ?? []),
  ),
].sort();

describe('emoji on the sandbox page', () => {
  it('finds the shortcodes the bot uses', () => {
    expect(SHORTCODES).toContain(':white_check_mark:');
    expect(SHORTCODES.length).toBeGreaterThan(15);
  });

  it.each(SHORTCODES)('%s renders as an emoji', (code) => {
    const out = mrkdwn(code, { tz: 'UTC', now: 0, nameOf: () => undefined }).value;
    expect(out).not.toContain(code);
    expect(/\p{Extended_Pictographic}/u.test(out)).toBe(true);
  });

  it('serves the font’s subsets from the sandbox, and nothing else', async () => {
    const css = await emojiFontCss();
    expect(css).toContain(`url(${EMOJI_FONT_PATH}noto-color-emoji-0-400-normal.woff2)`);
    expect(css).not.toMatch(/url\((?!\/sandbox\/emoji\/)/);
    expect((await emojiFontFile('noto-color-emoji-0-400-normal.woff2'))?.length).toBeGreaterThan(1000);
    // Digits and Latin-1 come from the text fonts: this font's glyphs for them are blank (the keycap bases).
    const ranges = [...css.matchAll(/unicode-range:([^;]*);/g)].flatMap((m) => (m[1] ?? '').split(','));
    expect(ranges.length).toBeGreaterThan(10);
    for (const r of ranges) {
      const last = Number.parseInt(r.trim().replace(/^U\+/i, '').split('-').at(-1) ?? '', 16);
      expect(last, r).toBeGreaterThan(0xff);
    }
    expect(css).toContain('U+20e3');
    for (const bad of ['../../package.json', 'noto-color-emoji-0-400-normal.woff', 'index.css', '']) {
      expect(await emojiFontFile(bad)).toBeNull();
    }
  });
});
