// The page's modals, as pure functions from Block Kit to HTML: labelled inputs, their hints and error slots,
// selects (the saved stories, people, settings), Cancel and Submit from the view.

import { describe, expect, it } from 'vitest';
import type { PageView } from '../../sandbox/protocol.ts';
import { inputBlock } from '../../sandbox/render/blocks.ts';
import type { RenderContext } from '../../sandbox/render/context.ts';
import { modalContent } from '../../sandbox/render/view.ts';
import { BLOCK_SETTINGS_DAYS, BLOCK_SETTINGS_TIME, BLOCK_SETTINGS_TOPICS } from '../../src/views/ids.ts';
import { settingsModal } from '../../src/views/settings-modal.ts';
import { starModal } from '../../src/views/star-modal.ts';

// 2025-03-10 08:30 UTC, a Monday.
const NOW = Date.UTC(2025, 2, 10, 8, 30);
const ctx: RenderContext = {
  tz: 'Europe/London',
  now: NOW,
  nameOf: (id) => ({ U0ADA: 'Ada Lovelace' })[id],
};
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
