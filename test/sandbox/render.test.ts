// The page's rendering, as pure functions from Block Kit and mrkdwn to HTML: escaping, Slack's mrkdwn rules,
// dates in the reader's zone, buttons, labelled inputs, the Home tab.

import { describe, expect, it } from 'vitest';
import type { PageMessage, PageView } from '../../sandbox/protocol.ts';
import { block, blocks, inputBlock } from '../../sandbox/render/blocks.ts';
import type { RenderContext } from '../../sandbox/render/context.ts';
import { formatSlackDate } from '../../sandbox/render/dates.ts';
import { escapeHtml, html } from '../../sandbox/render/html.ts';
import { messageHtml } from '../../sandbox/render/message.ts';
import { mrkdwn, plainText } from '../../sandbox/render/mrkdwn.ts';
import { homeContent, modalContent } from '../../sandbox/render/view.ts';
import { drillMessage } from '../../src/views/drill-message.ts';
import { BLOCK_SETTINGS_DAYS, BLOCK_SETTINGS_TIME, BLOCK_SETTINGS_TOPICS } from '../../src/views/ids.ts';
import { escapeMrkdwn, quote, slackDate } from '../../src/views/mrkdwn.ts';
import { settingsModal } from '../../src/views/settings-modal.ts';
import { starModal } from '../../src/views/star-modal.ts';

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

describe('modal', () => {
  const view: PageView = {
    id: 'V1',
    hash: 'h1',
    user: 'U0ADA',
    type: 'modal',
    view: starModal({
      drillId: 3,
      topicTitle: 'Incidents',
      questionText: 'Q?',
      answer: { situation: 'S <1>', task: 'T', action: 'A', result: 'R' },
    }) as unknown as Record<string, unknown>,
  };

  it('is titled by the view title, with Cancel and Submit from the view', () => {
    const { titleId, markup } = modalContent(view, ctx);
    expect(markup.value).toContain(`<h2 id="${titleId}">Edit your answer</h2>`);
    expect(markup.value).toContain(
      '<button type="submit" class="bk-button bk-primary">Save changes</button>',
    );
    expect(markup.value).toContain('data-close>Cancel</button>');
    expect(markup.value).toContain('data-view-id="V1" data-view-hash="h1"');
  });

  it('gives each input a label, its hint and an error slot tied by aria-describedby, and its initial value', () => {
    const input = (view.view.blocks as Array<Record<string, unknown>>).find(
      (b) => b.block_id === 'situation',
    );
    const out = inputBlock(input as Record<string, unknown>).value;
    const id = /<label for="([^"]+)">Situation<\/label>/.exec(out)?.[1];
    expect(id).toBeDefined();
    expect(out).toContain(
      `<textarea id="${id}" name="situation" aria-describedby="${id}-error ${id}-hint ${id}-counter" aria-required="true" data-max-length="3000"`,
    );
    expect(out).toContain('>S &lt;1&gt;</textarea>');
    expect(out).toContain(`<p class="bk-error" id="${id}-error" hidden></p>`);
    expect(out).toContain(`<p class="bk-hint" id="${id}-hint">The context:`);
  });

  it("passes min_length to the page's own check; a single-line input is an <input>", () => {
    const out = inputBlock({
      type: 'input',
      block_id: 'name',
      label: { type: 'plain_text', text: 'Name' },
      element: { type: 'plain_text_input', action_id: 'v', min_length: 3, initial_value: 'Ada' },
    }).value;
    expect(out).toMatch(
      /<input type="text" id="field-\d+" name="name"[^>]* data-min-length="3"[^>]* value="Ada">/,
    );
  });

  it('marks optional inputs and renders selects with their initial option', () => {
    const out = inputBlock({
      type: 'input',
      block_id: 'days',
      optional: true,
      label: { type: 'plain_text', text: 'Days' },
      element: {
        type: 'static_select',
        action_id: 'pick',
        initial_option: { text: { type: 'plain_text', text: 'Weekdays' }, value: 'weekdays' },
        options: [
          { text: { type: 'plain_text', text: 'Daily' }, value: 'daily' },
          { text: { type: 'plain_text', text: 'Weekdays' }, value: 'weekdays' },
        ],
      },
    }).value;
    expect(out).toContain('(optional)');
    expect(out).not.toContain('aria-required');
    expect(out).toContain('<option value="weekdays" selected>Weekdays</option>');
  });

  it('renders "Start from a saved story" as a select the page sends on change, the story used chosen', () => {
    const stories = [
      { id: 7, title: 'Checkout <outage>' },
      { id: 4, title: 'Billing migration' },
    ];
    const fresh = modalContent(
      { ...view, view: starModal({ drillId: 3, topicTitle: 'T', questionText: 'Q?', stories }) as never },
      ctx,
    ).markup.value;
    expect(fresh).toContain(
      '<select class="bk-select" aria-label="Choose a story" data-action-id="use_story" data-block-id="use_story"><option value="" selected disabled>Choose a story</option><option value="3:7" >Checkout &lt;outage&gt;</option><option value="3:4" >Billing migration</option></select>',
    );
    const filled = modalContent(
      {
        ...view,
        view: starModal({
          drillId: 3,
          topicTitle: 'T',
          questionText: 'Q?',
          answer: { situation: 'S', task: 'T', action: 'A', result: 'R' },
          stories,
          fromStory: stories[1],
        }) as never,
      },
      ctx,
    ).markup.value;
    expect(filled).not.toContain('disabled>Choose a story');
    expect(filled).toContain('<option value="3:4" selected>Billing migration</option>');
  });

  it("renders a people picker (users_select) with the workspace's people, their user id as the value", () => {
    const people = [
      { id: 'U0ADA', name: 'Ada Lovelace' },
      { id: 'U0RAVI', name: 'Ravi <Kumar>' },
    ];
    const out = inputBlock(
      {
        type: 'input',
        block_id: 'ask_reviewer',
        label: { type: 'plain_text', text: 'Colleague' },
        element: { type: 'users_select', action_id: 'reviewer', initial_user: 'U0RAVI' },
      },
      { ...ctx, people },
    ).value;
    expect(out).toContain('data-kind="users_select"');
    expect(out).toContain('<option value="U0ADA" >Ada Lovelace</option>');
    expect(out).toContain('<option value="U0RAVI" selected>Ravi &lt;Kumar&gt;</option>');
    expect(out).toContain('aria-required="true"');
  });

  it("renders the settings modal's time, day checkboxes and topic list box, labelled and described", () => {
    const modal = settingsModal({
      zone: 'Europe/London',
      topics: [
        { slug: 'incidents', title: 'Incidents <1>' },
        { slug: 'teams', title: 'Teams' },
      ],
      current: { minuteOfDay: 7 * 60 + 30, days: 'weekdays', topics: ['teams'], reminderMinutes: null },
    });
    const { markup } = modalContent(
      { id: 'V2', hash: 'h', user: 'U0ADA', type: 'modal', view: modal as never },
      ctx,
    );
    const out = markup.value;
    expect(out).not.toContain('not shown in the sandbox');

    const time = /<label for="([^"]+)">Time<\/label>/.exec(out)?.[1];
    expect(out).toContain(
      `<input type="time" id="${time}" name="${BLOCK_SETTINGS_TIME}" aria-describedby="${time}-error ${time}-hint" aria-required="true" value="07:30">`,
    );

    const days =
      /<fieldset id="([^"]+)" class="bk-checkboxes" aria-describedby="([^"]+)"><legend>Days<\/legend>/.exec(
        out,
      );
    expect(days?.[2]).toBe(`${days?.[1]}-error`);
    expect(out).toContain(`<p class="bk-error" id="${days?.[1]}-error" hidden></p>`);
    expect(out).toContain(
      `<label class="bk-choice"><input type="checkbox" name="${BLOCK_SETTINGS_DAYS}" value="mon" checked> Monday</label>`,
    );
    expect(out).toContain(
      `<label class="bk-choice"><input type="checkbox" name="${BLOCK_SETTINGS_DAYS}" value="sat" > Saturday</label>`,
    );

    const topics = /<label for="([^"]+)">Topics <span class="bk-optional">\(optional\)<\/span><\/label>/.exec(
      out,
    )?.[1];
    expect(out).toContain(
      `<select multiple id="${topics}" name="${BLOCK_SETTINGS_TOPICS}" size="2" aria-describedby="${topics}-error ${topics}-hint" >`,
    );
    expect(out).toContain('<option value="incidents" >Incidents &lt;1&gt;</option>');
    expect(out).toContain('<option value="teams" selected>Teams</option>');

    expect(out).toMatch(/<select id="[^"]+" name="[^"]+" aria-describedby="[^"]+" aria-required="true">/);
    expect(out).toContain('<option value="off" selected>Off</option>');
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
