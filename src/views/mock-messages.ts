/**
 * The mock interview's messages (`/star mock`): each question and follow-up as it is asked, with the time the
 * previous answer took and its speaking time against two minutes; the offer to continue or end a running
 * mock; the summary at the end. The question's button is the drill's own Answer with STAR, the follow-up's
 * the drill's own follow-up button: an answer takes the path of every drill's answer.
 */
import type { KnownBlock } from '@slack/types';
import { durationLabel, spokenAgainstTarget } from '../drills/mock-interview.ts';
import type { MockAnswerResult, MockSummary, PractiseItem } from '../progress/mock-summary.ts';
import type { SlackMessage } from './drill-message.ts';
import { CAP_TITLES } from './feedback-summary.ts';
import { followUpMetadata } from './follow-up.ts';
import {
  ACTION_ANSWER_DRILL,
  ACTION_MOCK_CONTINUE,
  ACTION_MOCK_END,
  ACTION_PRACTISE_FOLLOW_UP,
  BLOCK_MOCK_OFFER,
  BLOCK_MOCK_STEP,
  COMMAND,
} from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text) },
});
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text) }],
});
const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, 150), emoji: true },
});

/** How the previous step went, in one line: shown on the next step so the clock is felt while it runs. */
export interface PreviousStep {
  /** "question 1", "the follow-up to question 1". */
  what: string;
  seconds: number | null;
  speakingSeconds: number | null;
}

function previousLine(p: PreviousStep): string {
  const parts = [
    p.seconds === null ? undefined : `answered in ${durationLabel(p.seconds)}`,
    p.speakingSeconds === null ? undefined : spokenAgainstTarget(p.speakingSeconds),
  ].filter((s) => s !== undefined);
  return `:stopwatch: Your answer to ${p.what}: ${parts.length > 0 ? parts.join(' · ') : 'saved'}.`;
}

const TIMED =
  'Answer as you would out loud: about 2 minutes spoken. Timed from this message to your save; each answer gets its feedback in the thread, and the summary comes at the end.';

export function mockQuestionMessage(p: {
  drillId: number;
  /** 0-based. */
  index: number;
  total: number;
  topicTitle: string;
  questionText: string;
  previous?: PreviousStep;
  /** Posted again by Continue: the clock starts again from now. */
  resumed?: boolean;
}): SlackMessage {
  const heading = `Mock interview · Question ${p.index + 1} of ${p.total}`;
  return {
    text: `${heading}: ${escapeMrkdwn(p.questionText)}`,
    blocks: [
      ...(p.previous ? [context(previousLine(p.previous))] : []),
      header(heading),
      section(`*${escapeMrkdwn(p.questionText)}*`),
      context(
        `${escapeMrkdwn(p.topicTitle)} · ${p.resumed ? 'Continued: the clock starts again now. ' : ''}${TIMED}`,
      ),
      {
        type: 'actions',
        block_id: BLOCK_MOCK_STEP,
        elements: [
          {
            type: 'button',
            action_id: ACTION_ANSWER_DRILL,
            value: String(p.drillId),
            style: 'primary',
            text: { type: 'plain_text', text: 'Answer with STAR' },
          },
        ],
      },
    ],
  };
}

export function mockFollowUpMessage(p: {
  drillId: number;
  followUpNumber: number;
  index: number;
  total: number;
  question: string;
  previous?: PreviousStep;
  resumed?: boolean;
}): SlackMessage {
  const heading = `Mock interview · Follow-up to question ${p.index + 1} of ${p.total}`;
  return {
    text: `${heading}: ${escapeMrkdwn(p.question)}`,
    blocks: [
      ...(p.previous ? [context(previousLine(p.previous))] : []),
      header(heading),
      section(`*${escapeMrkdwn(p.question)}*`),
      context(
        `${p.resumed ? 'Continued: the clock starts again now. ' : ''}The interviewer digs deeper: a few sentences, in the first person, with a number if there is one. Timed from this message to your save.`,
      ),
      {
        type: 'actions',
        block_id: BLOCK_MOCK_STEP,
        elements: [
          {
            type: 'button',
            action_id: ACTION_PRACTISE_FOLLOW_UP,
            value: followUpMetadata(p.drillId, p.followUpNumber),
            style: 'primary',
            text: { type: 'plain_text', text: 'Answer the follow-up' },
          },
        ],
      },
    ],
  };
}

/** A second `/star mock` while one runs: continue it (its current step is posted again) or end it. */
export function mockOfferMessage(p: { mockId: number; round: number; waiting: string }): SlackMessage {
  const value = `${p.mockId}:${p.round}`;
  return {
    text: `You have a mock interview running: ${p.waiting} is waiting. Continue it or end it?`,
    blocks: [
      section(
        `:hourglass_flowing_sand: You have a mock interview running: *${escapeMrkdwn(p.waiting)}* is waiting for your answer.\n*Continue* posts it again in your DM (its clock starts again); *End it* ends the mock with a summary of what you answered.`,
      ),
      {
        type: 'actions',
        block_id: BLOCK_MOCK_OFFER,
        elements: [
          {
            type: 'button',
            action_id: ACTION_MOCK_CONTINUE,
            value,
            style: 'primary',
            text: { type: 'plain_text', text: 'Continue' },
          },
          {
            type: 'button',
            action_id: ACTION_MOCK_END,
            value,
            text: { type: 'plain_text', text: 'End it' },
          },
        ],
      },
    ],
  };
}

export const MOCK_STALE =
  ':information_source: That mock interview has already ended, so nothing changed. Start a new one with `/star mock`.';
export const MOCK_ALREADY_CONTINUED =
  ':information_source: That mock interview was already continued: its current question is in your DM. Nothing else changed.';
export const MOCK_CONTINUED =
  ':arrow_forward: Continued: the question waiting for you is posted again in your DM.';
export const MOCK_ENDED = ':checkered_flag: Mock interview ended. Your summary is in your DM.';
export const MOCK_ENDED_SUMMARY_LATER =
  ':checkered_flag: Mock interview ended. Slack did not take its summary just now: it follows in your DM within a few minutes.';
export const mockStartedElsewhere = (total: number) =>
  `:studio_microphone: Your mock interview has started in your DM with me (Apps › Star Drill): ${total} questions, each with a follow-up. Answer each with its button.`;

const TITLES: Record<MockSummary['reason'], string> = {
  completed: 'Mock interview: summary',
  ended: 'Mock interview ended early: summary of what you answered',
  expired: 'Mock interview ended after 24 hours untouched: summary of what you answered',
};

function answerLine(label: string, a: MockAnswerResult | null): string {
  if (!a) return `${label}: not answered`;
  const score = a.score === null ? 'no score' : `*${a.score}/100*`;
  const time = a.seconds === null ? 'time not known' : `answered in ${durationLabel(a.seconds)}`;
  const spoken = a.speakingSeconds === null ? '' : ` · ${spokenAgainstTarget(a.speakingSeconds)}`;
  return `${label}: ${score} · ${time}${spoken}`;
}

function practiseLine(item: PractiseItem, i: number): string {
  const title = item.kind === 'cap' ? CAP_TITLES[item.cap] : item.label;
  return `${i + 1}. *${escapeMrkdwn(title)}*: ${escapeClipped(item.suggestion, 240)}`;
}

export function mockSummaryMessage(s: MockSummary): SlackMessage {
  const title = TITLES[s.reason];
  const name = (i: number) => {
    const q = s.questions[i];
    return q ? `question ${i + 1} (${escapeMrkdwn(q.topicTitle)}, ${q.star?.score ?? '–'}/100)` : '';
  };
  const perQuestion = s.questions.map((q, i) =>
    section(
      [
        `*${i + 1}. ${escapeMrkdwn(q.topicTitle)}*: _${escapeClipped(q.question.questionText, 300)}_`,
        answerLine('STAR answer', q.star),
        answerLine('Follow-up', q.followUp),
        ...(q.story ? [`Story: ${escapeMrkdwn(q.story)}`] : []),
      ].join('\n'),
    ),
  );
  const verdict = [
    s.strongest === null ? undefined : `:muscle: Strongest answer: ${name(s.strongest)}`,
    s.weakest === null ? undefined : `:dart: Weakest answer: ${name(s.weakest)}`,
  ].filter((l) => l !== undefined);
  return {
    text: `${title}: ${s.answeredSteps} of ${s.steps} steps answered.`,
    blocks: [
      header(title),
      section(`You answered *${s.answeredSteps} of ${s.steps}* steps (each question and its follow-up).`),
      ...perQuestion,
      ...(verdict.length > 0 ? [section(verdict.join('\n'))] : []),
      section(
        s.practise.length > 0
          ? `*Practise next*\n${s.practise.map(practiseLine).join('\n')}`
          : '*Practise next*\nNothing stood out: run another mock, or a drill on your weakest topic.',
      ),
      section(
        s.stories.length > 0
          ? `*Stories used:* ${s.stories.map((t) => escapeMrkdwn(t)).join(' · ')}`
          : '*Stories used:* none yet',
      ),
      context(
        `Each answer is saved like a drill: its full feedback is in its question's thread, where your self-rating schedules its review. \`${COMMAND} mock\` starts another.`,
      ),
    ],
  };
}
