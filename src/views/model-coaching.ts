import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './drill-message.ts';
import { ACTION_PRACTISE_FOLLOW_UP, COMMAND } from './ids.ts';
import { clip, escapeClipped, quote } from './mrkdwn.ts';

/** What the model is sent, said the same way in the README and in the reply to `/star model on`. */
export function whatIsSent(host: string): string {
  return (
    `When someone in this workspace saves a STAR answer, Star Drill sends the model at *${host}* exactly this: ` +
    'the interview question and the four parts of that answer (Situation, Task, Action, Result), as typed. ' +
    'Never their name, a user or workspace id, their score, or any other answer.'
  );
}

const GROUNDING =
  'Anything the model said that is not in your answer (a number, a quote or a name) was left out. ' +
  'Your score is the rules coach’s and is unchanged.';

export interface ModelCoachingInput {
  drillId: number;
  host: string;
  /** Each with its number among the drill's follow-ups (after the guide's), for its practise button. */
  followUps: Array<{ number: number; question: string }>;
  rewrite?: { action: string; result: string; changes: string[] };
}

/** The second thread reply: the model's follow-ups (each practisable) and a stronger Action and Result. */
export function modelCoachingMessage(input: ModelCoachingInput): SlackMessage {
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: clip(
            `:sparkles: Extra coaching from a language model at ${escapeClipped(input.host, 200)}, which was sent this question and the four parts of your answer, nothing else. ${GROUNDING}`,
          ),
        },
      ],
    },
  ];
  if (input.followUps.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Follow-up questions about your story*' },
    });
    for (const { number, question } of input.followUps) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`• ${escapeClipped(question, 400, 1_200)}`) },
        accessory: {
          type: 'button',
          action_id: ACTION_PRACTISE_FOLLOW_UP,
          value: `${input.drillId}:${number}`,
          text: { type: 'plain_text', text: 'Practise this follow-up' },
        },
      });
    }
  }
  if (input.rewrite) {
    const { action, result, changes } = input.rewrite;
    blocks.push(
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*A stronger Action and Result, with your facts only*' },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*Action*\n${quote(escapeClipped(action, 1_000, 1_400))}`) },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`*Result*\n${quote(escapeClipped(result, 1_000, 1_400))}`) },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: clip(`*What changed*\n${changes.map((c) => `• ${escapeClipped(c, 300, 450)}`).join('\n')}`),
        },
      },
    );
  }
  const parts = [
    input.followUps.length > 0 ? `${input.followUps.length} follow-up questions about your story` : '',
    input.rewrite ? 'a stronger Action and Result' : '',
  ].filter(Boolean);
  return { text: `Extra coaching: ${parts.join(' and ')}.`, blocks };
}

/** The one line a candidate gets when the model could not help (failed, too slow, or too busy). */
export const MODEL_UNAVAILABLE = ':grey_question: The extra coaching is unavailable right now.';

export const modelReplies = {
  usage: `\`${COMMAND} model on\` or \`${COMMAND} model off\` (workspace admins): extra coaching from a language model after each answer. \`${COMMAND} model\` says whether it is on.`,
  notConfigured:
    'The operator of this Star Drill has not configured a model (COACH_MODEL_URL and COACH_MODEL are unset), so the extra coaching cannot be turned on. Nothing was changed.',
  notAdmin:
    'Only a workspace admin or owner, or whoever installed Star Drill, can turn the extra coaching on or off. Nothing was changed.',
  cannotCheckAdmin:
    'Star Drill could not check with Slack that you are a workspace admin. Nothing was changed; please try again in a minute.',
  turnedOn: (host: string) =>
    `:sparkles: Extra coaching is *on* for this workspace. After the usual feedback, a second reply in the drill’s thread brings two follow-up questions about the candidate’s own story and a stronger Action and Result.\n${whatIsSent(host)}\nEvery number, quote and name in the model’s reply must come from the answer, or it is left out; the score is never changed. \`${COMMAND} model off\` turns it off.`,
  alreadyOn: (host: string) => `Extra coaching was already on for this workspace.\n${whatIsSent(host)}`,
  turnedOff: 'Extra coaching is *off* for this workspace: nothing is sent to a model any more.',
  alreadyOff: 'Extra coaching was already off for this workspace: nothing is sent to a model.',
  status: (on: boolean, host: string | undefined) =>
    !host
      ? 'Extra coaching is off: the operator has not configured a model.'
      : on
        ? `Extra coaching is *on* for this workspace.\n${whatIsSent(host)}`
        : `Extra coaching is *off* for this workspace. A workspace admin can turn it on with \`${COMMAND} model on\`; answers would then go to the model at *${host}*.`,
};
