// The page's rendering, as pure functions from Block Kit and mrkdwn to HTML: escaping, Slack's mrkdwn rules,
// dates in the reader's zone, buttons, labelled inputs, the Home tab.

import { describe, expect, it } from 'vitest';
import type { PageMessage, PageView } from '../../sandbox/protocol.ts';
import { block, blocks } from '../../sandbox/render/blocks.ts';
import type { RenderContext } from '../../sandbox/render/context.ts';
import { formatSlackDate } from '../../sandbox/render/dates.ts';
import { escapeHtml, html } from '../../sandbox/render/html.ts';
import { messageHtml } from '../../sandbox/render/message.ts';
import { mrkdwn, plainText } from '../../sandbox/render/mrkdwn.ts';
import { homeContent } from '../../sandbox/render/view.ts';
import { drillMessage } from '../../src/views/drill-message.ts';
import { escapeMrkdwn, quote, slackDate } from '../../src/views/mrkdwn.ts';

// 2025-03-10 08:30 UTC, a Monday.
const NOW = Date.UTC(2025, 2, 10, 8, 30);
const ctx: RenderContext = {
  tz: 'Europe/London',
  now: NOW,
  nameOf: (id) => ({ U0ADA: 'Ada Lovelace' })[id],
};
const md = (text: string) => mrkdwn(text, ctx).value;

describe('html', () => {
  it('escapes every interpolated string, never what html`` built', () => {
    const evil = '<img src=x onerror=alert(1)> & "quotes"';
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      `<p title="${escapeHtml(evil)}">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>`,
    );
    expect(html`<div>${html`<b>${'x'}</b>`}${[1, null, false, 'y']}</div>`.value).toBe(
      '<div><b>x</b>1y</div>',
    );
  });
});

describe('mrkdwn (slack-markdown)', () => {
  it('bold, italics, strike, code, code blocks, links and emoji shortcodes', () => {
    expect(md('*bold* _it_ ~gone~ `code`')).toBe(
      '<strong>bold</strong> <em>it</em> <del>gone</del> <code>code</code>',
    );
    expect(md('```a <b>\nline```')).toBe('<pre><code>a &lt;b&gt;\nline</code></pre>');
    expect(md('<https://example.com|the guide>')).toBe(
      '<a href="https://example.com" target="_blank">the guide</a>',
    );
    expect(md(':white_check_mark: done')).toContain('✅');
  });

  it('quotes lines that start with ">" with or without a space, as Slack does (the bot writes them without)', () => {
    expect(md(`*Situation*\n${quote('At my previous company\nwe grew fast')}`)).toBe(
      '<strong>Situation</strong><br><blockquote>At my previous company<br>we grew fast</blockquote>',
    );
  });

  it('shows what the bot escaped as the characters themselves, never as markup', () => {
    const typed = '<script>alert(1)</script> & <!channel> &lt;';
    const out = md(escapeMrkdwn(typed));
    expect(out).not.toMatch(/<script|<!channel/);
    expect(out).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt; &amp;lt;');
  });

  it('refuses javascript: links and raw HTML', () => {
    expect(md('<javascript:alert(1)|click>')).not.toContain('href');
    expect(md('<b onclick="x">hi</b>')).not.toContain('<b');
  });

  it('names mentions and renders dates in the reader zone, relative to the sandbox clock', () => {
    expect(md('<@U0ADA> and <@U0NOBODY>')).toContain('@Ada Lovelace');
    expect(md('<@U0NOBODY>')).toContain('@U0NOBODY');
    const nineToday = new Date(Date.UTC(2025, 2, 10, 9, 0));
    expect(md(`Answered ${slackDate(nineToday)}`)).toContain('>today at 09:00</span>');
    expect(mrkdwn(slackDate(nineToday), { ...ctx, tz: 'Asia/Kolkata' }).value).toContain('today at 14:30');
  });
});

describe('formatSlackDate', () => {
  const at = Date.UTC(2025, 2, 9, 23, 30) / 1000; // Sunday 23:30 in London, Monday 00:30 in Paris
  it.each([
    ['{date_num}', 'Europe/London', '2025-03-09'],
    ['{date}', 'Europe/London', 'March 9th, 2025'],
    ['{date_short}', 'Europe/Paris', 'Mar 10, 2025'],
    ['{date_long}', 'Europe/London', 'Sunday, March 9th, 2025'],
    ['{date_short_pretty} at {time}', 'Europe/London', 'yesterday at 23:30'],
    ['{date_pretty}', 'Europe/Paris', 'today'],
    ['{time_secs}', 'UTC', '23:30:00'],
    ['{unknown}', 'UTC', '{unknown}'],
  ])('%s in %s', (format, tz, expected) => {
    expect(formatSlackDate(at, format, tz, NOW)).toBe(expected);
  });
});

describe('Block Kit', () => {
  it("renders the bot's drill message: header, bold question, context, a real primary button", () => {
    const { blocks: list } = drillMessage({
      drillId: 7,
      topic: { title: 'Handling Production Incidents', keyConcepts: 'Pressure & <clarity>' },
      questionText: 'Tell me about a time you fixed prod.',
    });
    const out = blocks(list, ctx).value;
    expect(out).toContain('<h3 class="bk-header">Drill: Handling Production Incidents</h3>');
    expect(out).toContain('<strong>Tell me about a time you fixed prod.</strong>');
    expect(out).toContain('Pressure &amp; &lt;clarity&gt;');
    expect(out).toMatch(
      /<button type="button" class="bk-button bk-primary" data-action-id="answer_drill" data-block-id="drill_actions" data-value="7">Answer with STAR<\/button>/,
    );
  });

  it('fields, accessories, danger buttons, link buttons, dividers and a note for what is not rendered', () => {
    const out = blocks(
      [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Zone*' },
            { type: 'plain_text', text: 'Europe/London :sunny:' },
          ],
          accessory: {
            type: 'button',
            action_id: 'x',
            style: 'danger',
            text: { type: 'plain_text', text: 'Stop' },
          },
        },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            { type: 'button', url: 'https://example.com', text: { type: 'plain_text', text: 'Docs' } },
          ],
        },
        { type: 'rich_text', elements: [] },
      ],
      ctx,
    ).value;
    expect(out).toContain(
      '<div class="bk-fields"><div><strong>Zone</strong></div><div>Europe/London ☀️</div></div>',
    );
    expect(out).toContain('class="bk-button bk-danger" data-action-id="x"');
    expect(out).not.toContain('data-value'); // a button without a value sends none
    expect(out).toContain('<hr class="bk-divider">');
    expect(out).toContain(
      '<a class="bk-button" href="https://example.com" target="_blank" rel="noopener noreferrer">Docs</a>',
    );
    expect(out).toContain('[a rich_text block is not shown in the sandbox]');
  });

  it('plain_text turns only :shortcodes: into emoji and escapes the rest', () => {
    expect(plainText('<b>:tada:</b>').value).toBe('&lt;b&gt;🎉&lt;/b&gt;');
    expect(plainText(':tada:', false).value).toBe(':tada:');
    expect(block({ type: 'header', text: { type: 'plain_text', text: '*not bold*' } }, ctx).value).toContain(
      '*not bold*',
    );
  });
});

describe('Home tab', () => {
  it('renders the published view, or says none was published', () => {
    expect(homeContent(null, ctx, 'Star Drill').value).toContain(
      'Star Drill has not published a Home tab for you yet.',
    );
    const home: PageView = {
      id: 'VH',
      hash: 'h',
      user: 'U0ADA',
      type: 'home',
      view: {
        type: 'home',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Your practice' } },
          {
            type: 'actions',
            elements: [{ type: 'button', action_id: 'start', text: { type: 'plain_text', text: 'Start' } }],
          },
        ],
      },
    };
    const out = homeContent(home, ctx, 'Star Drill').value;
    expect(out).toContain('<div class="home" data-view-id="VH">');
    expect(out).toContain('Your practice');
    expect(out).toContain('data-action-id="start"');
  });
});

describe('message', () => {
  const base: PageMessage = {
    channel: 'D1',
    ts: String(NOW / 1000),
    text: 'Hello *there*',
    blocks: [],
    user: 'U0BOT',
  };
  const opts = { inThread: false, authorName: 'Star Drill', isBot: true };

  it("falls back to the text as mrkdwn, shows a person's (edited), the replies button and a file download link", () => {
    const out = messageHtml(
      {
        ...base,
        edited: true,
        reply_count: 2,
        files: [
          {
            id: 'F1',
            name: 'history.csv',
            title: 'History',
            size: 2048,
            url: 'http://127.0.0.1:1/files/F1/history.csv',
          },
        ],
      },
      ctx,
      { ...opts, isBot: false, authorName: 'Ada Lovelace' },
    ).value;
    expect(out).toContain('Hello <strong>there</strong>');
    expect(out).toContain('(edited)');
    expect(out).toContain('<button type="button" class="replies" data-open-thread="');
    expect(out).toContain('>2 replies</button>');
    expect(out).toContain(
      '<a href="http://127.0.0.1:1/files/F1/history.csv" download="history.csv">Download History</a>',
    );
    expect(out).toContain('2.0 KB');
    expect(out).toContain('<time datetime="2025-03-10T08:30:00.000Z"');
    expect(out).toContain('>08:30</time>');
  });

  it('marks an ephemeral "Only visible to you"; in a thread there is no replies button; an app update is not "edited"', () => {
    const out = messageHtml({ ...base, to: 'U0ADA', reply_count: 1, edited: true }, ctx, {
      ...opts,
      inThread: true,
    }).value;
    expect(out).not.toContain('(edited)');
    expect(out).toContain('class="message ephemeral"');
    expect(out).toContain('Only visible to you');
    expect(out).not.toContain('data-open-thread');
  });
});
