import type { KnownBlock } from '@slack/types';
import type { Question, Topic } from '../bank/types.ts';
import { SELF_RATING_LABELS, SELF_RATINGS, type SelfRating } from '../coach/review.ts';
import { scoreLine } from '../coach/score.ts';
import type { AnswerFeedback, CheckResult } from '../coach/types.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../drills/star-answer.ts';
import type { SlackMessage } from './drill-message.ts';
import { ACTION_PRACTISE_FOLLOW_UP, ACTION_RATE_DRILL, BLOCK_RATING } from './ids.ts';
import { clip, escapeClipped, escapeClippedAtWord, escapeMrkdwn, quote, slackDate } from './mrkdwn.ts';

/**
 * Each part of the recap shows at most this many characters of the answer, and at most this many once
 * escaped: four parts and their labels always fit one 3,000-character section, whatever the text.
 */
const RECAP_CHARS = 280;
const RECAP_OUTPUT = 650;
/** A check's why and suggestion quote the candidate: each gets a budget, so seven fit their sections. */
const CHECK_OUTPUT = 380;

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
}

/**
 * The thread reply after an answer, and what it becomes after an edit or a rating (chat.update): the score
 * and what to improve first, the candidate's own words, the guide's sample labelled with the question it
 * answers, the follow-ups with a button each to practise them, and the self-rating.
 */
export function feedbackMessage(input: FeedbackInput): SlackMessage {
  const { analysis } = input;
  const score = scoreLine(analysis, input.previousScore ?? undefined);
  const blocks: KnownBlock[] = [
    section(`:dart: *${score}*\n${breakdown(analysis)}`),
    ...checkSections(analysis.checks),
    { type: 'divider' },
    section(`:memo: *Your answer, saved*\n${recap(input.answer)}`),
    { type: 'divider' },
    ...sampleBlocks(input),
    { type: 'divider' },
    ...followUpBlocks(input),
    { type: 'divider' },
    ...ratingBlocks(input),
  ];
  const improve = analysis.checks.filter((c) => !c.passed).map((c) => c.label);
  const next = improve.length > 0 ? ` Work on: ${improve.join(', ')}.` : ' Every check passed.';
  return { text: `${score}.${next}`, blocks };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

/** "Situation 80 · Task 70 · Action 85 · Result 60 · about 1 min 40 s spoken (aim for about 2 minutes)". */
function breakdown(a: AnswerFeedback): string {
  const parts = STAR_PARTS.map((p) => `${STAR_LABELS[p]} ${a.parts[p]}`).join(' · ');
  return `${parts}\n:stopwatch: ${spokenLabel(a.speakingSeconds)} (${a.words.total} words; aim for about 2 minutes)`;
}

export function spokenLabel(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `about ${s} s spoken`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `about ${minutes} min spoken` : `about ${minutes} min ${rest} s spoken`;
}

/** What to improve first (each with its suggestion and the strategy it comes from), then what worked. */
function checkSections(checks: CheckResult[]): KnownBlock[] {
  const failed = checks.filter((c) => !c.passed);
  const passed = checks.filter((c) => c.passed);
  const blocks: KnownBlock[] = [];
  if (failed.length > 0) {
    const lines = failed.map(
      (c) =>
        `:small_orange_diamond: *${c.label}* (${c.points}/${c.maxPoints}): ${escapeClipped(c.why, 400, CHECK_OUTPUT)}\n` +
        `      → ${escapeClipped(c.suggestion, 400, CHECK_OUTPUT)}${strategyNote(c)}`,
    );
    blocks.push(section(`*What to improve*\n${lines.join('\n')}`));
  }
  if (passed.length > 0) {
    const lines = passed.map(
      (c) => `:white_check_mark: *${c.label}*: ${escapeClipped(c.why, 300, CHECK_OUTPUT)}${strategyNote(c)}`,
    );
    blocks.push(section(`*What worked*\n${lines.join('\n')}`));
  }
  return blocks;
}

/** " _(strategy 3: Quantify your impact)_": the guide's Preparation Strategy a check comes from. */
export function strategyNote(c: CheckResult): string {
  return c.strategy ? ` _(strategy ${c.strategy.number}: ${escapeMrkdwn(c.strategy.title)})_` : '';
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

/** The guide's one sample per topic, said plainly to answer the question it was written for. */
function sampleBlocks({ topic, drill, sampleQuestion }: FeedbackInput): KnownBlock[] {
  const own = sampleQuestion.id === drill.questionId;
  const heading = own
    ? `*The guide's sample answer to this question* (${escapeMrkdwn(topic.title)})`
    : `*The guide's sample answer* (${escapeMrkdwn(topic.title)}), written for another question: _${escapeMrkdwn(sampleQuestion.text)}_\n` +
      ':information_source: Use it for its structure (what goes in each part and how much), not for its content.';
  return [
    section(heading),
    ...STAR_PARTS.map((part) =>
      section(`*${STAR_LABELS[part]}*\n${quote(escapeMrkdwn(topic.sampleAnswer[part]))}`),
    ),
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
