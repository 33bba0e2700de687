/**
 * The story bank's Block Kit: the note under a saved answer naming its story, the story modal (rename, or
 * "this is the same story as ..."), the "Start from a saved story" select of the STAR modal, and the
 * topic-by-story matrix of `/star stories` and the Home tab. Story titles are the person's words: escaped.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { MAX_STORY_TITLE_CHARS, STORY_GOAL } from '../drills/story-limits.ts';
import type { StoryMatrix, TopicStories } from '../progress/story-matrix.ts';
import type { SlackMessage } from './drill-message.ts';
import {
  ACTION_EDIT_STORY,
  ACTION_STORY_SAME,
  ACTION_STORY_TITLE,
  ACTION_USE_STORY,
  BLOCK_HOME_STORIES,
  BLOCK_STORY_NOTICE,
  BLOCK_STORY_SAME,
  BLOCK_STORY_TITLE,
  BLOCK_USE_STORY,
  COMMAND,
  VIEW_STORY,
} from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

/** Slack's limits: a select holds at most 100 options, an actions block 25 elements, option text 75 chars. */
const MAX_SELECT_OPTIONS = 100;
const OPTION_CHARS = 75;

export interface StoryRef {
  id: number;
  title: string;
}

/** The note in a drill's thread after its answer is saved. */
export function storyNotice(drillId: number, title: string): SlackMessage {
  const text = `:books: This answer tells the story *${escapeClipped(title, MAX_STORY_TITLE_CHARS)}*. Rename it, or say it is the same story as another of yours, so one story can answer several questions.`;
  return {
    text: `Story: ${escapeMrkdwn(title)}`,
    blocks: [
      {
        type: 'section',
        block_id: BLOCK_STORY_NOTICE,
        text: { type: 'mrkdwn', text: clip(text) },
        accessory: {
          type: 'button',
          action_id: ACTION_EDIT_STORY,
          value: String(drillId),
          text: { type: 'plain_text', text: 'Edit story' },
        },
      },
    ],
  };
}

/** The story modal: the title to edit, and the person's other stories to say "it is the same as". */
export function storyModal(p: { drillId: number; story: StoryRef; others: readonly StoryRef[] }): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: BLOCK_STORY_TITLE,
      label: { type: 'plain_text', text: 'Story title' },
      hint: { type: 'plain_text', text: 'A short name you would use for this experience.' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION_STORY_TITLE,
        max_length: MAX_STORY_TITLE_CHARS,
        initial_value: p.story.title,
      },
    },
  ];
  const others = p.others.filter((s) => s.id !== p.story.id).slice(0, MAX_SELECT_OPTIONS);
  if (others.length > 0) {
    blocks.push({
      type: 'input',
      block_id: BLOCK_STORY_SAME,
      optional: true,
      label: { type: 'plain_text', text: 'Or: this is the same story as' },
      hint: {
        type: 'plain_text',
        text: 'Pick one to join this answer to it: the title above is then not used.',
      },
      element: {
        type: 'static_select',
        action_id: ACTION_STORY_SAME,
        placeholder: { type: 'plain_text', text: 'Choose a story' },
        options: others.map((s) => ({
          text: { type: 'plain_text', text: clip(s.title, OPTION_CHARS) },
          value: String(s.id),
        })),
      },
    });
  }
  return {
    type: 'modal',
    callback_id: VIEW_STORY,
    private_metadata: String(p.drillId),
    title: { type: 'plain_text', text: 'Your story' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/**
 * The STAR modal's "Start from a saved story": one select of the person's stories, most recently used first
 * (Slack's limit of 100 options: a person with more sees their 100 latest). Picking one fills the four fields
 * (nothing is saved). The select stays after filling, showing the story used, so the person can switch;
 * option values are `<drill id>:<story id>`, as the pick's listener reads them.
 */
export function useStoryBlocks(
  drillId: number,
  stories: readonly StoryRef[],
  chosen?: StoryRef,
): KnownBlock[] {
  const shown = stories.slice(0, MAX_SELECT_OPTIONS);
  if (shown.length === 0) return [];
  const option = (s: StoryRef) => ({
    text: { type: 'plain_text' as const, text: clip(s.title, OPTION_CHARS) },
    value: `${drillId}:${s.id}`,
  });
  // Only an option of the list can be the initial one (Slack refuses any other).
  const initial = chosen && shown.some((s) => s.id === chosen.id) ? option(chosen) : undefined;
  return [
    {
      type: 'section',
      block_id: BLOCK_USE_STORY,
      text: {
        type: 'mrkdwn',
        text: chosen
          ? 'Start from another saved story: its text replaces what is in the four fields.'
          : 'Start from a saved story: its latest text fills the four fields, to adapt. Nothing is saved until you press Save.',
      },
      accessory: {
        type: 'static_select',
        action_id: ACTION_USE_STORY,
        placeholder: { type: 'plain_text', text: 'Choose a story' },
        options: shown.map(option),
        ...(initial ? { initial_option: initial } : {}),
      },
    },
  ];
}

function scoreLabel(score: number | null): string {
  return score === null ? 'not scored' : `best ${score}/100`;
}

function topicLine(t: TopicStories, number: number): string {
  const count = t.stories.length;
  const head = `*${escapeMrkdwn(t.title)}*: ${count} ${count === 1 ? 'story' : 'stories'}`;
  if (t.coverage === 'none') {
    return `:white_circle: ${head}. No story yet: the guide asks for ${STORY_GOAL.min}-${STORY_GOAL.max}. \`${COMMAND} ${number}\` for a drill.`;
  }
  const list = t.stories.map((s) => `${escapeClipped(s.title, 60)} (${scoreLabel(s.bestScore)})`).join(' · ');
  if (t.coverage === 'thin') {
    return `:large_yellow_circle: ${head}: ${list}. Fewer than ${STORY_GOAL.min}: \`${COMMAND} ${number}\` for a drill.`;
  }
  return `:large_green_circle: ${head}: ${list}.`;
}

/**
 * The matrix as lines, one per topic (numbered as `/star <number>` takes them), a section each; past
 * `maxSections` topics share sections (whole lines, never cut), so any number of topics fits a Home tab.
 */
export function storyMatrixBlocks(m: StoryMatrix, maxSections = 50): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: BLOCK_HOME_STORIES,
      text: {
        type: 'mrkdwn',
        text: `*Your stories* · ${m.stories.length} in all; the guide's goal is ${STORY_GOAL.min}-${STORY_GOAL.max} per topic`,
      },
    },
  ];
  const lines = m.topics.map((t, i) => topicLine(t, i + 1));
  const perSection = Math.ceil(lines.length / Math.max(1, maxSections));
  for (let i = 0; i < lines.length; i += perSection) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: wholeLines(lines.slice(i, i + perSection)) },
    });
  }
  const missing = m.topics.filter((t) => t.coverage === 'none').map((t) => escapeMrkdwn(t.title));
  if (missing.length > 0 && m.stories.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(`No story yet for: ${missing.join(', ')}`) }],
    });
  }
  return blocks;
}

/** Lines joined up to a section's 3,000 characters: a line that does not fit is left out, not cut. */
function wholeLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    const next = out === '' ? clip(line) : `${out}\n${line}`;
    if (next.length > 3000) break;
    out = next;
  }
  return out;
}

/** `/star stories`. */
export function storiesReply(m: StoryMatrix): SlackMessage {
  if (m.stories.length === 0) {
    const text = `You have no stories yet. Each answer you save becomes a story (the real experience it tells); answer a drill with \`${COMMAND} random\` to start. The guide's goal is ${STORY_GOAL.min}-${STORY_GOAL.max} per topic.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  // A message holds at most 50 blocks: the header, the topic sections and the note.
  return { text: `Your stories: ${m.stories.length}`, blocks: storyMatrixBlocks(m, 40) };
}
