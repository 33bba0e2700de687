import type { KnownBlock } from '@slack/types';
import type { Question, Topic } from '../bank/types.ts';
import { scoreLine } from '../coach/score.ts';
import type { AnswerFeedback } from '../coach/types.ts';
import { SELF_RATING_LABELS, SELF_RATINGS, type SelfRating } from '../drills/review-cards.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { ENGLISH_ONLY, improveFirst, improveText, workedLine } from './feedback-summary.ts';
import {
  ACTION_ASK_COLLEAGUE,
  ACTION_OPEN_BREAKDOWN,
  ACTION_PRACTISE_FOLLOW_UP,
  ACTION_RATE_DRILL,
  BLOCK_FEEDBACK_ACTIONS,
  BLOCK_RATING,
} from './ids.ts';
import { clip, escapeClippedAtWord, escapeMrkdwn, quote, slackDate } from './mrkdwn.ts';

/**
 * Each part of the recap shows at most this many characters of the answer, and at most this many once
 * escaped: four parts and their labels always fit one 3,000-character section, whatever the text.
 */
const RECAP_CHARS = 280;
const RECAP_OUTPUT = 650;
/** Everything before the candidate's recap is at most this many characters: the feedback fits a glance. */
export const GLANCE_CHARS = 1200;

export interface FeedbackInput {
  topic: Topic;
  drill: { id: number; questionId: string; questionText: string };
  answer: StarAnswer;
  analysis: AnswerFeedback;
  /** The score before the latest edit. */
  previousScore?: number | null;
  /** The question the guide's sample was written for (QuestionBank.sampleQuestion). */
  sampleQuestion: Question;
  rating?: SelfRating | null;
  /** When the rated question comes back (its FSRS card's due date). */
  nextReviewAt?: Date | null;
  /**
   * The workspace's guide dropped the drill's topic after it was asked: `topic` keeps only its title and the
   * question, so the guide's part (sample, follow-ups) is one line saying so instead.
   */
  topicGone?: boolean;
}

/**
 * The thread reply after an answer, and what it becomes after an edit or a rating (chat.update): the score,
 * the two things to improve first and what worked (at most GLANCE_CHARS in all, with a button to the full
 * breakdown), the candidate's own words, the guide's sample labelled with the question it answers, the
 * follow-ups with a button each to practise them, and the self-rating.
 */
export function feedbackMessage(input: FeedbackInput): SlackMessage {
  const { analysis } = input;
  const score = scoreLine(analysis, input.previousScore ?? undefined);
  const blocks: KnownBlock[] = [
    ...glanceBlocks(input),
    { type: 'divider' },
    section(`:memo: *Your answer, saved*\n${recap(input.answer)}`),
    { type: 'divider' },
    ...(input.topicGone
      ? [topicGoneBlock(input)]
      : [...sampleBlocks(input), { type: 'divider' } as const, ...followUpBlocks(input)]),
    { type: 'divider' },
    ...ratingBlocks(input),
  ];
  if (analysis.score === null) return { text: `${score}. Your answer is saved.`, blocks };
  const first = improveFirst(analysis.checks, analysis.caps)[0];
  const next = first ? ` Improve first: ${first.title}.` : ' Every check passed.';
  return { text: `${score}.${next}`, blocks };
}

/** The score, what to improve first, what worked, and the button to the full breakdown. */
function glanceBlocks({ analysis, drill, previousScore, topicGone }: FeedbackInput): KnownBlock[] {
  const score = scoreLine(analysis, previousScore ?? undefined);
  const stillApply = topicGone ? '' : " The guide's sample and the follow-ups below still apply.";
  if (analysis.score === null)
    return [
      section(`:dart: *${score}*\n${ENGLISH_ONLY}${stillApply}`),
      { type: 'actions', block_id: BLOCK_FEEDBACK_ACTIONS, elements: [askColleagueButton(drill.id)] },
    ];
  const improve = improveFirst(analysis.checks, analysis.caps);
  const worked = workedLine(analysis.checks);
  const head = `:dart: *${score}*\n:stopwatch: ${spokenLabel(analysis.speakingSeconds)} (${analysis.words.total} words; aim for about 2 minutes)`;
  return [
    section(head),
    ...(improve.length > 0
      ? [section(improveText(improve))]
      : [section('*Every check passed.* Say it out loud once more.')]),
    ...(worked ? [section(worked)] : []),
    {
      type: 'actions',
      block_id: BLOCK_FEEDBACK_ACTIONS,
      elements: [
        {
          type: 'button',
          action_id: ACTION_OPEN_BREAKDOWN,
          value: String(drill.id),
          text: { type: 'plain_text', text: 'See the full breakdown' },
        },
        askColleagueButton(drill.id),
      ],
    },
  ];
}

/** A colleague's eyes on this answer (views/peer-request.ts): value is the drill id. */
function askColleagueButton(drillId: number) {
  return {
    type: 'button' as const,
    action_id: ACTION_ASK_COLLEAGUE,
    value: String(drillId),
    text: { type: 'plain_text' as const, text: 'Ask a colleague' },
  };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

export function spokenLabel(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `about ${s} s spoken`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `about ${minutes} min spoken` : `about ${minutes} min ${rest} s spoken`;
}

function recap(answer: StarAnswer): string {
  const parts = STAR_PARTS.map((part) => ({
    label: STAR_LABELS[part],
    ...escapeClippedAtWord(oneLine(answer[part]), RECAP_CHARS, RECAP_OUTPUT),
  }));
  const lines = parts.map((p) => `*${p.label}:* ${p.text}`);
  if (parts.some((p) => p.cut)) {
    lines.push(
      '_Shortened here (…): your full answer is kept, and *Edit answer* on the drill shows all of it._',
    );
  }
  return lines.join('\n');
}

/** A recap shows the start of each part on one line; the full text stays in the database and the modal. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** In place of the sample and follow-ups of a topic the workspace's guide no longer has: what is missing, and why. */
function topicGoneBlock({ topic }: FeedbackInput): KnownBlock {
  return section(
    `:information_source: *This workspace's guide no longer has this question's topic* (${escapeMrkdwn(topic.title)}): ` +
      'it changed after this drill was sent, so there is no sample answer or follow-up questions for it any more. ' +
      "The feedback above reads your answer against the question as it was asked; the topic's key concepts could not be checked.",
  );
}

/** The guide's one sample per topic, said plainly to answer the question it was written for. */
function sampleBlocks({ topic, drill, sampleQuestion }: FeedbackInput): KnownBlock[] {
  // A workspace's own guide may give no sample for a topic (its upload was warned so).
  const sample = topic.sampleAnswer;
  if (sample === undefined) return [];
  const own = sampleQuestion.id === drill.questionId;
  const heading = own
    ? `*The guide's sample answer to this question* (${escapeMrkdwn(topic.title)})`
    : `*The guide's sample answer* (${escapeMrkdwn(topic.title)}), written for another question: _${escapeMrkdwn(sampleQuestion.text)}_\n` +
      ':information_source: Use it for its structure (what goes in each part and how much), not for its content.';
  return [
    section(heading),
    ...STAR_PARTS.map((part) => section(`*${STAR_LABELS[part]}*\n${quote(escapeMrkdwn(sample[part]))}`)),
  ];
}

/** One section per follow-up, each with a button to practise it (a one-field modal). */
function followUpBlocks({ topic, drill }: FeedbackInput): KnownBlock[] {
  return [
    section('*Follow-up questions an interviewer would ask*'),
    ...topic.followUps.map(
      (question, i): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(`${i + 1}. ${escapeMrkdwn(question)}`) },
        accessory: {
          type: 'button',
          action_id: ACTION_PRACTISE_FOLLOW_UP,
          value: `${drill.id}:${i + 1}`,
          text: { type: 'plain_text', text: 'Practise this follow-up' },
        },
      }),
    ),
  ];
}

/** "How ready would you be to say this out loud?": the chosen rating is marked and can be changed. */
function ratingBlocks({ drill, rating, nextReviewAt }: FeedbackInput): KnownBlock[] {
  const blocks: KnownBlock[] = [
    section(
      '*How ready would you be to say this out loud?* Your rating decides when this question comes back.',
    ),
    {
      type: 'actions',
      block_id: BLOCK_RATING,
      elements: SELF_RATINGS.map((r) => ({
        type: 'button' as const,
        action_id: `${ACTION_RATE_DRILL}_${r}`,
        value: `${drill.id}:${r}`,
        text: {
          type: 'plain_text' as const,
          text: r === rating ? `✓ ${SELF_RATING_LABELS[r]}` : SELF_RATING_LABELS[r],
        },
        ...(r === rating ? { style: 'primary' as const } : {}),
      })),
    },
  ];
  if (rating) {
    const when = nextReviewAt ? ` It comes back ${slackDate(nextReviewAt, '{date_short_pretty}')}.` : '';
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `You rated it *${SELF_RATING_LABELS[rating]}*.${when} Click another to change it.`,
        },
      ],
    });
  }
  return blocks;
}
