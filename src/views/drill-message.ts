import type { KnownBlock } from '@slack/types';
import type { Topic } from '../bank/types.ts';
import { ACTION_ANSWER_DRILL, BLOCK_DRILL_ACTIONS } from './ids.ts';
import { clip, escapeMrkdwn, slackDate } from './mrkdwn.ts';

export interface DrillMessageInput {
  drillId: number;
  topic: Pick<Topic, 'title' | 'keyConcepts'>;
  questionText: string;
  /** Set once the user has answered: the message then says so and the button edits the answer. */
  answeredAt?: Date;
  /** The answer's latest score, shown beside "Answered". */
  score?: number | null;
  scheduled?: boolean;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The DM that carries one drill. `text` repeats the question for notifications and screen readers. */
export function drillMessage(input: DrillMessageInput): SlackMessage {
  const { drillId, topic, questionText, answeredAt } = input;
  const heading = input.scheduled ? `Today's drill: ${topic.title}` : `Drill: ${topic.title}`;
  // The notification reads "Drill: <topic> · <question>": one colon, and the question escaped as in the body.
  const notification = `${escapeMrkdwn(heading)} · ${escapeMrkdwn(questionText)}`;
  const status: KnownBlock = answeredAt
    ? {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `:white_check_mark: Answered ${slackDate(answeredAt)}${input.score == null ? '' : ` · Score: ${input.score}/100`}`,
          },
        ],
      }
    : {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: clip(`*Key concepts:* ${escapeMrkdwn(topic.keyConcepts)}`) }],
      };
  return {
    text: notification,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(heading, 150), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*${escapeMrkdwn(questionText)}*`) } },
      status,
      {
        type: 'actions',
        block_id: BLOCK_DRILL_ACTIONS,
        elements: [
          {
            type: 'button',
            action_id: ACTION_ANSWER_DRILL,
            value: String(drillId),
            ...(answeredAt ? {} : { style: 'primary' as const }),
            text: { type: 'plain_text', text: answeredAt ? 'Edit answer' : 'Answer with STAR' },
          },
        ],
      },
    ],
  };
}
