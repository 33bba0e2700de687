import type { KnownBlock, ModalView } from '@slack/types';
import { scoreLine } from '../coach/score.ts';
import type { FollowUpFeedback } from '../coach/types.ts';
import { MAX_PART_CHARS } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { ENGLISH_ONLY, improveFirst, improveText, workedLine } from './feedback-summary.ts';
import { ACTION_STAR_INPUT, BLOCK_FOLLOW_UP, VIEW_FOLLOW_UP } from './ids.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

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

/**
 * The reply in the drill's thread after a follow-up answer: its score, then as for an answer the two things
 * to improve first and what worked in one line (a follow-up has three checks, so nothing more is hidden).
 */
export function followUpFeedbackMessage(p: {
  number: number;
  question: string;
  feedback: FollowUpFeedback;
  previousScore?: number | null;
}): SlackMessage {
  const score = scoreLine(p.feedback, p.previousScore ?? undefined);
  const head: KnownBlock = {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: clip(`:speech_balloon: *Follow-up ${p.number}: ${escapeMrkdwn(p.question)}*\n*${score}*`),
    },
  };
  const body: string[] = [];
  if (p.feedback.score === null) body.push(ENGLISH_ONLY);
  else {
    const improve = improveFirst(p.feedback.checks, p.feedback.caps);
    if (improve.length > 0) body.push(improveText(improve));
    const worked = workedLine(p.feedback.checks);
    if (worked) body.push(worked);
  }
  const blocks: KnownBlock[] = [
    head,
    ...body.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text) } })),
  ];
  return { text: `Follow-up ${p.number} answered. ${score}.`, blocks };
}
