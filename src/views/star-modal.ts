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
  /** The stored answer, when editing. */
  answer?: StarAnswer;
}

export function starModal({ drillId, topicTitle, questionText, answer }: StarModalInput): ModalView {
  const inputs: KnownBlock[] = STAR_PARTS.map((part) => ({
    type: 'input',
    block_id: part,
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
    // Only the drill id travels through Slack; everything else is read from the database on submit.
    private_metadata: String(drillId),
    title: { type: 'plain_text', text: answer ? 'Edit your answer' : 'Answer with STAR' },
    submit: { type: 'plain_text', text: answer ? 'Save changes' : 'Save answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(questionText)}*`) },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(topicTitle)) }] },
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
