import type { KnownBlock } from '@slack/types';
import type { Topic } from '../bank/types.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { clip, escapeClipped, escapeMrkdwn, quote } from './mrkdwn.ts';

/**
 * Each part of the recap shows at most this many characters of the answer, and at most this many once
 * escaped: four parts and their labels always fit one 3,000-character section, whatever the text.
 */
const RECAP_CHARS = 280;
const RECAP_OUTPUT = 650;

/**
 * The thread reply after a first answer: a short recap of the user's own words (escaped, so `<!channel>`
 * stays text), the guide's sample answer part by part, and the follow-ups an interviewer would ask.
 */
export function feedbackMessage(topic: Topic, answer: StarAnswer): SlackMessage {
  const recap = STAR_PARTS.map(
    (part) => `*${STAR_LABELS[part]}:* ${escapeClipped(oneLine(answer[part]), RECAP_CHARS, RECAP_OUTPUT)}`,
  ).join('\n');
  const sample = STAR_PARTS.map((part) => ({
    type: 'section' as const,
    text: {
      type: 'mrkdwn' as const,
      text: clip(`*${STAR_LABELS[part]}*\n${quote(escapeMrkdwn(topic.sampleAnswer[part]))}`),
    },
  }));
  const followUps = topic.followUps.map((q, i) => `${i + 1}. ${escapeMrkdwn(q)}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`:memo: *Your answer, saved*\n${recap}`) } },
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Compare with the guide's sample answer* (${escapeMrkdwn(topic.title)})`,
      },
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

/** A recap shows the start of each part on one line; the full text stays in the database and the modal. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
