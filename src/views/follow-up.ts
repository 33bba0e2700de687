import type { KnownBlock, ModalView } from '@slack/types';
import { scoreLine } from '../coach/score.ts';
import type { FollowUpFeedback } from '../coach/types.ts';
import { MAX_PART_CHARS } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { strategyNote } from './feedback.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP, VIEW_FOLLOW_UP } from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

export interface FollowUpModalInput {
  drillId: number;
  /** 1-based, as the guide numbers the follow-ups. */
  number: number;
  question: string;
  topicTitle: string;
  /** The stored answer, when practising it again. */
  answer?: string;
}

/** `private_metadata` of the follow-up modal: only ids travel through Slack. */
export const followUpMetadata = (drillId: number, number: number) => `${drillId}:${number}`;

export function parseFollowUpMetadata(raw: string): { drillId: string; number: number } | undefined {
  const m = /^(\d{1,9}):(\d{1,2})$/.exec(raw);
  return m ? { drillId: m[1] as string, number: Number(m[2]) } : undefined;
}

/** One question, one answer field: a follow-up is answered in a few sentences, not four parts. */
export function followUpModal(input: FollowUpModalInput): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_FOLLOW_UP,
    private_metadata: followUpMetadata(input.drillId, input.number),
    title: { type: 'plain_text', text: 'Practise a follow-up' },
    submit: { type: 'plain_text', text: input.answer ? 'Save changes' : 'Save answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(input.question)}*`) } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: clip(
              `Follow-up ${input.number} · ${escapeMrkdwn(input.topicTitle)}. Answer as you would out loud: what you did, in the first person, with a number if there is one.`,
            ),
          },
        ],
      },
      {
        type: 'input',
        block_id: BLOCK_FOLLOW_UP,
        label: { type: 'plain_text', text: 'Your answer' },
        element: {
          type: 'plain_text_input',
          action_id: ACTION_STAR_INPUT,
          multiline: true,
          max_length: MAX_PART_CHARS,
          ...(input.answer ? { initial_value: input.answer } : {}),
        },
      },
    ],
  };
}

/** The reply in the drill's thread after a follow-up answer: its score and the three checks that apply. */
export function followUpFeedbackMessage(p: {
  number: number;
  question: string;
  feedback: FollowUpFeedback;
  previousScore?: number | null;
}): SlackMessage {
  const score = scoreLine(p.feedback, p.previousScore ?? undefined);
  const lines = p.feedback.checks.map((c) =>
    c.passed
      ? `:white_check_mark: *${c.label}*: ${escapeClipped(c.why, 300, 380)}${strategyNote(c)}`
      : `:small_orange_diamond: *${c.label}*: ${escapeClipped(c.why, 300, 380)}\n      → ${escapeClipped(c.suggestion, 300, 380)}${strategyNote(c)}`,
  );
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`:speech_balloon: *Follow-up ${p.number}: ${escapeMrkdwn(p.question)}*\n*${score}*`),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n')) } },
  ];
  return { text: `Follow-up ${p.number} answered. ${score}.`, blocks };
}
