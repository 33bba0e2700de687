import type { ModalView } from '@slack/types';
import { COMMAND, VIEW_DELETE_DATA } from './ids.ts';

export interface DeleteModalInput {
  /** How many drills and answers will go, when known (the modal opens before slow lookups: optional). */
  counts?: { drills: number; answers: number };
  /**
   * Whether deleting also removes the drill messages already in the user's DM. The modal says which, so
   * it promises nothing the deletion does not do.
   */
  deletesMessages: boolean;
  /**
   * The workspace the data is in (its Slack domain): a person is (workspace, user), so on Enterprise Grid the
   * same user has a separate set of data in each workspace, and the modal says which one goes.
   */
  workspace?: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * `/star delete`: the confirmation, listing exactly what goes. Submitting it (callback VIEW_DELETE_DATA)
 * deletes; Cancel keeps everything. Nothing in it comes from the user; the workspace's domain comes from Slack
 * and is reduced to the characters a domain has.
 */
export function deleteModal({ counts, deletesMessages, workspace }: DeleteModalInput): ModalView {
  const domain = workspace?.replace(/[^a-z0-9-]/gi, '').slice(0, 64);
  const drills = counts ? plural(counts.drills, 'drill', 'drills') : 'every drill';
  const answers = counts ? plural(counts.answers, 'answer', 'answers') : 'every answer';
  const items = [
    `• ${counts ? `your ${drills}` : `${drills} sent to you`}: the questions, when they came, and any reminders`,
    `• ${counts ? `your ${answers}` : `${answers} you wrote`}: the four STAR parts, follow-up answers, scores and self-ratings`,
    '• your progress: streaks, readiness, weekly recaps sent',
    '• your subscription and settings: time, days, topics, reminder, pause, interview date, recap',
    '• what Star Drill keeps about you: your Slack user id and time zone',
  ];
  const messages = deletesMessages
    ? 'The drill messages in your DM with Star Drill are deleted too.'
    : 'The messages already in your DM with Star Drill stay in Slack: delete them there if you wish.';
  return {
    type: 'modal',
    callback_id: VIEW_DELETE_DATA,
    title: { type: 'plain_text', text: 'Delete your data' },
    submit: { type: 'plain_text', text: 'Delete everything' },
    close: { type: 'plain_text', text: 'Keep my data' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*This deletes, for good and at once${domain ? `, in the workspace \`${domain}\`` : ''}:*\n${items.join('\n')}`,
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: domain
            ? `${messages}\nWhat you have in other workspaces is kept apart and stays: run \`${COMMAND} delete\` there for it.`
            : messages,
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `It cannot be undone. To keep a copy, cancel and run \`${COMMAND} export\` first. You can subscribe again later and start afresh.`,
          },
        ],
      },
    ],
  };
}
