// Slack mrkdwn to HTML with slack-markdown (bold, italics, strike, code, quotes, links, emoji shortcodes,
// mentions, dates). Its output is escaped; three small adjustments make it read mrkdwn as Slack does.

import { toHTML } from 'slack-markdown';
import type { RenderContext } from './context.ts';
import { formatSlackDate } from './dates.ts';
import { escapeHtml, type Html, trusted } from './html.ts';

export function mrkdwn(text: string, ctx: RenderContext): Html {
  // Slack quotes a line that starts with ">" even without a space after it; slack-markdown needs the space.
  const source = text.replace(/^>(?! )/gm, '> ');
  const markup = toHTML(source, {
    hrefTarget: '_blank',
    slackCallbacks: {
      // `name` arrives as slack-markdown's (escaped) HTML; the rest is escaped here.
      user: ({ id, name }) => {
        const known = ctx.nameOf(id);
        return `@${known !== undefined ? escapeHtml(known) : name || escapeHtml(id)}`;
      },
      date: ({ timestamp, format, fallback }) => {
        const seconds = Number(timestamp);
        return Number.isFinite(seconds)
          ? escapeHtml(formatSlackDate(seconds, format, ctx.tz, ctx.now))
          : fallback;
      },
    },
  });
  // Slack text carries &amp; &lt; &gt; for the characters themselves; slack-markdown escaped the ampersand
  // again. Undo only that, so they show as & < > and still never become markup.
  return trusted(markup.replace(/&amp;(amp|lt|gt);/g, '&$1;'));
}

/** plain_text with `emoji: true`: escaped text whose :shortcodes: become emoji, nothing else. */
export function plainText(text: string, emoji = true): Html {
  if (!emoji) return trusted(escapeHtml(text));
  return trusted(
    text
      .split(/(:[a-z0-9_+-]+:)/)
      .map((part, i) =>
        i % 2 === 1 ? toHTML(part, { noExtraEmojiSpanTags: true, slackOnly: true }) : escapeHtml(part),
      )
      .join(''),
  );
}
