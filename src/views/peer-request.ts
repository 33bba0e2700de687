/**
 * Ask a colleague, the asking side: the ask modal (who, a note, "include my score", and a preview of exactly
 * what they will see), the colleague's DM with Review and Decline, and what that DM becomes once the request
 * is closed. Every text a person wrote (answer, note) is escaped: it can never mention or link anyone.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { EXPIRY_DAYS, MAX_NOTE_CHARS } from '../drills/peer-review.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import {
  ACTION_ASK_NOTE,
  ACTION_ASK_REVIEWER,
  ACTION_ASK_SCORE,
  ACTION_PEER_DECLINE,
  ACTION_PEER_REVIEW,
  BLOCK_ASK_NOTE,
  BLOCK_ASK_REVIEWER,
  BLOCK_ASK_SCORE,
  BLOCK_PEER_REQUEST_ACTIONS,
  INCLUDE_SCORE,
  VIEW_ASK_COLLEAGUE,
} from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn, quote } from './mrkdwn.ts';

/** What the author shares: the question and the four parts, the score only when they chose to. */
export interface SharedAnswer {
  authorId: string;
  topicTitle: string;
  questionText: string;
  answer: StarAnswer;
  score: number | null;
  note: string | null;
}

/** Escaped text per section: a part of up to 3,000 characters (15,000 once escaped) spans a few sections. */
const SECTION_OUTPUT = 2900;
const MAX_SECTIONS_PER_PART = 5;

/** `<@U123>` for a Slack user id; anything else (ids come from payloads) is shown as escaped text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{1,30}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

/** The escaped text cut into pieces that each fit a section, never inside an escape. */
function escapedPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    const piece = escapeMrkdwn(ch);
    if (current.length + piece.length > SECTION_OUTPUT) {
      pieces.push(current);
      current = '';
    }
    current += piece;
  }
  if (current !== '') pieces.push(current);
  if (pieces.length > MAX_SECTIONS_PER_PART) return [...pieces.slice(0, MAX_SECTIONS_PER_PART - 1), '…'];
  return pieces;
}

/** Exactly what the colleague sees of the answer (the ask modal's preview shows the same blocks). */
export function sharedAnswerBlocks(shared: SharedAnswer): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(
      `*Question* (${escapeClipped(shared.topicTitle, 150, 400)})\n>${escapeClipped(shared.questionText, 1000, 2500)}`,
    ),
  ];
  if (shared.note)
    blocks.push(section(`*Their note*\n${quote(escapeClipped(shared.note, MAX_NOTE_CHARS, 2900))}`));
  for (const part of STAR_PARTS) {
    const pieces = escapedPieces(shared.answer[part]);
    pieces.forEach((piece, i) => {
      blocks.push(section(i === 0 ? `*${STAR_LABELS[part]}*\n${piece}` : piece));
    });
  }
  if (shared.score !== null) blocks.push(section(`*Star Drill's score:* ${shared.score}/100`));
  return blocks;
}

/** The ask modal. `private_metadata` is the drill id. */
export function askColleagueModal(p: { drillId: number; shared: SharedAnswer }): ModalView {
  const { shared } = p;
  const blocks: KnownBlock[] = [
    {
      type: 'input',
      block_id: BLOCK_ASK_REVIEWER,
      label: { type: 'plain_text', text: 'Colleague' },
      hint: { type: 'plain_text', text: 'Someone in this workspace. They get a DM from Star Drill.' },
      element: {
        type: 'users_select',
        action_id: ACTION_ASK_REVIEWER,
        placeholder: { type: 'plain_text', text: 'Choose a person' },
      },
    },
    {
      type: 'input',
      block_id: BLOCK_ASK_NOTE,
      optional: true,
      label: { type: 'plain_text', text: 'Note to them' },
      element: {
        type: 'plain_text_input',
        action_id: ACTION_ASK_NOTE,
        multiline: true,
        max_length: MAX_NOTE_CHARS,
        placeholder: { type: 'plain_text', text: 'e.g. Is my result convincing?' },
      },
    },
  ];
  if (shared.score !== null) {
    blocks.push({
      type: 'input',
      block_id: BLOCK_ASK_SCORE,
      optional: true,
      label: { type: 'plain_text', text: 'Score' },
      element: {
        type: 'checkboxes',
        action_id: ACTION_ASK_SCORE,
        options: [
          {
            text: { type: 'plain_text', text: `Include my score (${shared.score}/100)` },
            value: INCLUDE_SCORE,
          },
        ],
      },
    });
  }
  blocks.push(
    { type: 'divider' },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `*What they will see*, and nothing else: your question and your answer as it is now${shared.score !== null ? ', your score only if you tick it above' : ''}, with your note. If you edit the answer, their copy is withdrawn. They have ${EXPIRY_DAYS} days to review it.`,
        },
      ],
    },
    ...sharedAnswerBlocks({ ...shared, score: null, note: null }),
  );
  return {
    type: 'modal',
    callback_id: VIEW_ASK_COLLEAGUE,
    private_metadata: String(p.drillId),
    title: { type: 'plain_text', text: 'Ask a colleague' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** The colleague's DM: who asks, what, and Review / Decline (value: the request id). */
export function peerRequestMessage(requestId: number, shared: SharedAnswer): SlackMessage {
  const who = mention(shared.authorId);
  return {
    text: `${who} asks you to review an interview answer.`,
    blocks: [
      section(
        `:eyes: ${who} is practising for interviews with Star Drill and asks for your eyes on one answer. Rate it in four quick questions, with a comment if you like. Only they see your review.`,
      ),
      ...sharedAnswerBlocks(shared),
      {
        type: 'actions',
        block_id: BLOCK_PEER_REQUEST_ACTIONS,
        elements: [
          {
            type: 'button',
            action_id: ACTION_PEER_REVIEW,
            value: String(requestId),
            style: 'primary',
            text: { type: 'plain_text', text: 'Review' },
          },
          {
            type: 'button',
            action_id: ACTION_PEER_DECLINE,
            value: String(requestId),
            text: { type: 'plain_text', text: 'Decline' },
          },
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `The request expires in ${EXPIRY_DAYS} days if unanswered. Declining is fine: they are told kindly.`,
          },
        ],
      },
    ],
  };
}

export type RequestClosed = 'reviewed' | 'declined' | 'expired' | 'withdrawn' | 'deleted' | 'you_deleted';

/**
 * What the colleague's DM becomes when the request closes: the answer is no longer shown (their copy is
 * removed), and no button is left to press.
 */
export function peerRequestClosedMessage(p: {
  authorId: string;
  questionText: string;
  closed: RequestClosed;
}): SlackMessage {
  const who = mention(p.authorId);
  const question = `_${escapeClipped(p.questionText, 300)}_`;
  const text: Record<RequestClosed, string> = {
    reviewed: `:white_check_mark: Thank you: your review of ${who}'s answer to ${question} went to them.`,
    declined: `:ok_hand: You declined to review ${who}'s answer to ${question}. They have been told, kindly.`,
    expired: `:hourglass: ${who}'s request to review their answer to ${question} expired after ${EXPIRY_DAYS} days unanswered, so it was withdrawn. Nothing more to do.`,
    withdrawn: `:leftwards_arrow_with_hook: ${who} edited their answer to ${question}, so the copy shared with you was withdrawn. Nothing more to do.`,
    deleted: `:leftwards_arrow_with_hook: ${who} deleted their Star Drill data, so their request and the answer shared with you were withdrawn.`,
    you_deleted: `:wastebasket: You deleted your Star Drill data, so ${who}'s request to review their answer to ${question} was withdrawn from you.`,
  };
  return { text: text[p.closed].replace(/[*_]/g, ''), blocks: [section(text[p.closed])] };
}
