/**
 * The full breakdown behind the feedback's glance, in a modal: the score and any caps, each part's score,
 * and every check with its points, why (quoting the answer) and, for those that failed, the suggestion.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import { scoreLine } from '../coach/score.ts';
import type { AnswerFeedback } from '../coach/types.ts';
import { STAR_LABELS, STAR_PARTS } from '../drills/star-answer.ts';
import { spokenLabel } from './feedback.ts';
import { CAP_TITLES, ENGLISH_ONLY, strategyNote } from './feedback-summary.ts';
import { VIEW_BREAKDOWN } from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text) } };
}

export function breakdownModal(p: { questionText: string; analysis: AnswerFeedback }): ModalView {
  const { analysis } = p;
  const blocks: KnownBlock[] = [
    section(`*${escapeClipped(p.questionText, 300)}*\n:dart: *${scoreLine(analysis)}*`),
  ];
  if (analysis.score === null) blocks.push(section(ENGLISH_ONLY));
  else {
    for (const cap of analysis.caps ?? [])
      blocks.push(
        section(
          `:no_entry: *${CAP_TITLES[cap.id]}* (score capped at ${cap.max}): ${escapeClipped(cap.why, 600)}\n      → ${escapeClipped(cap.suggestion, 400)}`,
        ),
      );
    const parts = STAR_PARTS.map((part) => `${STAR_LABELS[part]} ${analysis.parts[part]}`).join(' · ');
    blocks.push(
      section(
        `*Part scores:* ${parts}\n:stopwatch: ${spokenLabel(analysis.speakingSeconds)} (${analysis.words.total} words)`,
      ),
    );
    blocks.push({ type: 'divider' });
    for (const c of analysis.checks) {
      const mark = c.passed ? ':white_check_mark:' : ':small_orange_diamond:';
      // A passed check gets no advice and no strategy to study: nothing is said against it.
      const advice = c.passed ? '' : `\n      → ${escapeClipped(c.suggestion, 600)}${strategyNote(c)}`;
      blocks.push(
        section(
          `${mark} *${escapeMrkdwn(c.label)}* (${c.points}/${c.maxPoints}): ${escapeClipped(c.why, 1200)}${advice}`,
        ),
      );
    }
  }
  return {
    type: 'modal',
    callback_id: VIEW_BREAKDOWN,
    title: { type: 'plain_text', text: 'Full breakdown' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
