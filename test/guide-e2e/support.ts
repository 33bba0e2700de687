// What the workspace-guide tests share: a team's own guide (short enough to paste: Slack's text box holds 3,000
// characters), and the moves an admin makes: `/star guide`, its Upload button, the modal submitted with text or
// a file, the preview's **Use this guide**. Each waits for the bot (`t.bot.idle()`), never a fixed time.

import { expect } from 'vitest';
import type { OpenedView, Workspace } from '../../local-slack/index.ts';
import {
  ACTION_GUIDE_FILE,
  ACTION_GUIDE_TEXT,
  ACTION_OPEN_GUIDE_UPLOAD,
  BLOCK_GUIDE_FILE,
  BLOCK_GUIDE_TEXT,
  VIEW_GUIDE_PREVIEW,
  VIEW_GUIDE_UPLOAD,
} from '../../src/views/ids.ts';
import { shownText } from '../support/shown-text.ts';
import type { TestBot } from '../support/test-bot.ts';

/** The one question kept word for word from the built-in guide: its id (and FSRS card) carries over. */
export const KEPT_QUESTION = 'Tell me about a time when you had to resolve a critical production issue.';

/** A team's own guide: three topics, the second without a sample answer (a warning, not a problem). */
export const TEAM_GUIDE = `# Platform Team Interview Loop

## 1. Onboarding New Hires

### Key Concepts

How you bring a new engineer to their first shipped change.

### Example Questions

- "Tell me about a time you onboarded a new engineer onto a complex codebase."
- "Describe a project where a new hire shipped their first change with your help."

### Sample Response Using STAR

**Situation**: "A new hire joined the payments team during a migration."

**Task**: "I had to get them shipping within two weeks."

**Action**: "I paired with them daily and wrote a map of the services."

**Result**: "They shipped their first change on day eight."

### Follow-up Questions to Anticipate

- "What would you do differently?"

## 2. Customer Escalations

### Key Concepts

Owning a customer problem across teams until it is solved.

### Example Questions

- "Tell me about a time you handled an angry customer escalation."

### Follow-up Questions to Anticipate

- "How did you keep the customer informed?"

## 3. Handling Production Incidents

### Key Concepts

Staying calm and methodical while the system is down.

### Example Questions

- "${KEPT_QUESTION}"
- "Tell me about a time an outage taught your team something new."

### Sample Response Using STAR

**Situation**: "Checkout failed for ten percent of users."

**Task**: "I was on call and had to restore it."

**Action**: "I rolled back the release and traced the cause."

**Result**: "Checkout recovered in twelve minutes."

### Follow-up Questions to Anticipate

- "How did you tell stakeholders?"
`;

/** A guide with three problems an admin fixes at once: a topic with no questions, one with 21, no follow-ups. */
export const BROKEN_GUIDE = `# Broken Guide

## 1. No Questions

### Key Concepts

Text.

### Example Questions

### Follow-up Questions to Anticipate

- "Why?"

## 2. Too Many

### Key Concepts

Text.

### Example Questions

${Array.from({ length: 21 }, (_, i) => `- "Tell me about time number ${i + 1}."`).join('\n')}

### Follow-up Questions to Anticipate

- "Why?"

## 3. No Follow-ups

### Key Concepts

Text.

### Example Questions

- "Tell me about a time."
`;

/** 1-based line of the first line reading exactly `text`. */
export const lineOf = (markdown: string, text: string, nth = 1): number =>
  markdown.split('\n').flatMap((l, i) => (l === text ? [i + 1] : []))[nth - 1] ?? 0;

/** `/star guide` as the person types it: the ephemeral reply (text shown, and whether it has the Upload button). */
export async function guideStatus(t: TestBot, userId: string, workspace?: Workspace) {
  const channel = t.standin.dmChannelFor(userId, workspace);
  const before = t.standin.ephemeralsIn(userId, channel).length;
  const reply = await t.standin.slashCommand(t.url, { userId, text: 'guide', workspace });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  const shown = t.standin.ephemeralsIn(userId, channel).slice(before).at(-1);
  if (!shown) throw new Error('/star guide answered nothing');
  const blocks = JSON.stringify(shown.blocks);
  return {
    channel,
    ts: shown.ts,
    text: shownText(shown.blocks),
    hasUpload: blocks.includes(ACTION_OPEN_GUIDE_UPLOAD),
  };
}

/** `/star guide`, then its Upload button: the modal the bot opens. */
export async function openUpload(t: TestBot, userId: string, workspace?: Workspace): Promise<OpenedView> {
  const status = await guideStatus(t, userId, workspace);
  expect(status.hasUpload).toBe(true);
  const click = await t.standin.clickButton(t.url, {
    userId,
    channel: status.channel,
    messageTs: status.ts,
    actionId: ACTION_OPEN_GUIDE_UPLOAD,
    workspace,
  });
  expect(click.status).toBe(200);
  await t.bot.idle();
  const modal = t.standin.openModal(userId);
  expect(modal?.view.callback_id).toBe(VIEW_GUIDE_UPLOAD);
  return modal as OpenedView;
}

/** The upload modal submitted with pasted text or a file the person picked. */
export async function submitUpload(
  t: TestBot,
  userId: string,
  modal: OpenedView,
  given: {
    text?: string;
    fileId?: string /** Past what the Slack client lets through (3,000 characters). */;
    forged?: boolean;
  },
  workspace?: Workspace,
) {
  const reply = await t.standin.submitView(t.url, {
    userId,
    viewId: modal.id,
    values: {
      [BLOCK_GUIDE_TEXT]: { [ACTION_GUIDE_TEXT]: given.text ?? null },
      [BLOCK_GUIDE_FILE]: { [ACTION_GUIDE_FILE]: given.fileId ? [given.fileId] : [] },
    },
    clientChecks: given.forged !== true,
    workspace,
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return reply.json as { response_action?: string; errors?: Record<string, string> } | undefined;
}

/** The preview now showing, and its **Use this guide** pressed: what the modal then says. */
export async function useThisGuide(t: TestBot, userId: string, workspace?: Workspace): Promise<string> {
  const preview = t.standin.openModal(userId);
  expect(preview?.view.callback_id).toBe(VIEW_GUIDE_PREVIEW);
  const reply = await t.standin.submitView(t.url, {
    userId,
    viewId: preview?.id ?? '',
    values: {},
    workspace,
  });
  expect(reply.status).toBe(200);
  await t.bot.idle();
  return shownText(t.standin.openModal(userId)?.view.blocks);
}

/** An admin's whole upload by paste: modal, text, preview, Use this guide. */
export async function pasteGuide(t: TestBot, userId: string, markdown: string, workspace?: Workspace) {
  const modal = await openUpload(t, userId, workspace);
  const answer = await submitUpload(t, userId, modal, { text: markdown }, workspace);
  expect(answer).toMatchObject({ response_action: 'update' });
  return useThisGuide(t, userId, workspace);
}
