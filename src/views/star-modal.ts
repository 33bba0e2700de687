import type { KnownBlock, ModalView } from '@slack/types';
import {
  MAX_PART_CHARS,
  STAR_LABELS,
  STAR_PARTS,
  type StarAnswer,
  type StarPart,
} from '../drills/star-answer.ts';
import { ACTION_STAR_INPUT, VIEW_NOTICE, VIEW_STAR_ANSWER } from './ids.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';
import { type StoryRef, useStoryBlocks } from './stories.ts';

/**
 * What each part should hold, after the guide: its samples open with the context and stakes, name the
 * engineer's own responsibility, walk through what *they* did, and close on measured outcomes
 * ("Quantify your impact" is the guide's third preparation strategy).
 */
export const STAR_HINTS: Record<StarPart, string> = {
  situation: 'The context: where you were, what was happening and what was at stake. Keep it short.',
  task: 'Your responsibility: what you personally needed to achieve.',
  action: 'What you did, step by step. Say "I", not "we": the interviewer wants your part.',
  result: 'Quantify your impact: the outcome in numbers where you can, and what you learned.',
};

export interface StarModalInput {
  drillId: number;
  topicTitle: string;
  questionText: string;
  /** The stored answer, when editing; or a saved story's text to start from (`fromStory`). */
  answer?: StarAnswer;
  /** The person's stories, most recently used first, offered as "Start from a saved story". */
  stories?: readonly StoryRef[];
  /** The story whose text fills the fields: the answer will be saved as telling it. */
  fromStory?: StoryRef;
}

/**
 * The block id of a STAR input. Slack keeps what a person typed in an input across views.update as long as
 * its block_id stays the same, and then ignores the new initial_value; a modal filled from a story
 * therefore gets block ids of its own (`situation.s7`), so the story's text does show.
 */
export function starBlockId(part: StarPart, fromStoryId?: number): string {
  return fromStoryId === undefined ? part : `${part}.s${fromStoryId}`;
}

/** The STAR part a submitted block id belongs to (see starBlockId). */
export function starPartOfBlock(blockId: string): StarPart | undefined {
  const part = blockId.split('.')[0] as StarPart;
  return STAR_PARTS.includes(part) ? part : undefined;
}

export function starModal({
  drillId,
  topicTitle,
  questionText,
  answer,
  stories = [],
  fromStory,
}: StarModalInput): ModalView {
  const inputs: KnownBlock[] = STAR_PARTS.map((part) => ({
    type: 'input',
    block_id: starBlockId(part, fromStory?.id),
    label: { type: 'plain_text', text: STAR_LABELS[part] },
    hint: { type: 'plain_text', text: STAR_HINTS[part] },
    element: {
      type: 'plain_text_input',
      action_id: ACTION_STAR_INPUT,
      multiline: true,
      max_length: MAX_PART_CHARS,
      ...(answer ? { initial_value: answer[part] } : {}),
    },
  }));
  return {
    type: 'modal',
    callback_id: VIEW_STAR_ANSWER,
    // Only ids travel through Slack (the drill, and the story it starts from); the rest is read on submit.
    private_metadata: fromStory ? `${drillId}:${fromStory.id}` : String(drillId),
    title: { type: 'plain_text', text: answer && !fromStory ? 'Edit your answer' : 'Answer with STAR' },
    submit: { type: 'plain_text', text: answer && !fromStory ? 'Save changes' : 'Save answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(questionText)}*`) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(topicTitle)) }] },
      ...(fromStory
        ? [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: clip(
                    `Filled from your story *${escapeMrkdwn(fromStory.title)}*: adapt it to this question, then Save.`,
                  ),
                },
              ],
            },
          ]
        : []),
      // Still offered once filled, so another story can be picked instead.
      ...useStoryBlocks(drillId, stories, fromStory),
      ...inputs,
    ],
  };
}

/** A modal that only tells something (loading, not found, not yours): no inputs, no submit. */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_NOTICE,
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text) } }],
  };
}
