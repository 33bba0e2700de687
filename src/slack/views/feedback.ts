import type { KnownBlock } from '@slack/types';
import type { Topic } from '../../bank/types.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { clip, escapeMrkdwn, quote } from './mrkdwn.ts';

/**
 * The thread reply after a first answer: a short recap of the user's own words (escaped, so `<!channel>`
 * stays text), the guide's sample answer part by part, and the follow-ups an interviewer would ask.
 */
export function feedbackMessage(topic: Topic, answer: StarAnswer): SlackMessage {
  const recap = STAR_PARTS.map(
    (part) => `*${STAR_LABELS[part]}:* ${escapeMrkdwn(firstLine(answer[part], 280))}`,
  ).join('\n');
  const sample = STAR_PARTS.map((part) => ({
    type: 'section' as const,
    text: {
      type: 'mrkdwn' as const,
      text: clip(`*${STAR_LABELS[part]}*\n${quote(topic.sampleAnswer[part])}`),
    },
  }));
  const followUps = topic.followUps.map((q, i) => `${i + 1}. ${q}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`:memo: *Your answer, saved*\n${recap}`) } },
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Compare with the guide's sample answer* (${topic.title})` },
    },
    ...sample,
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*Follow-up questions to prepare*\n${followUps}`) },
    },
  ];
  return {
    text: `Answer saved. The guide's sample answer and follow-up questions for ${topic.title}.`,
    blocks,
  };
}

/** A recap shows the start of each part; the full text stays in the database and in the modal. */
function firstLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
