/**
 * A mock interview in `/star export`: when, how it ended, and per question the scores, the times and the
 * speaking times, the stories and the strongest and weakest answer. The answers themselves are in the
 * export's drills.
 */
import { durationLabel, spokenAgainstTarget } from '../drills/mock-interview.ts';
import { inlineText as inline } from './markdown-text.ts';
import type { MockAnswerResult, MockSummary } from './mock-summary.ts';

const ENDINGS: Record<MockSummary['reason'], string> = {
  completed: 'completed',
  ended: 'ended early',
  expired: 'ended after 24 hours untouched',
};

function answerLine(label: string, a: MockAnswerResult | null): string {
  if (!a) return `   - ${label}: not answered`;
  const facts = [
    a.score === null ? 'no score' : `${a.score}/100`,
    a.seconds === null ? 'time not known' : `answered in ${durationLabel(a.seconds)}`,
    ...(a.speakingSeconds === null ? [] : [spokenAgainstTarget(a.speakingSeconds)]),
  ];
  return `   - ${label}: ${facts.join(' · ')}`;
}

export function mockExportSection(s: MockSummary, startedOn: string): string {
  const out = [
    `## ${startedOn} · Mock interview (${ENDINGS[s.reason]})`,
    '',
    `${s.answeredSteps} of ${s.steps} steps answered.`,
    '',
  ];
  for (const [i, q] of s.questions.entries()) {
    out.push(`${i + 1}. **${inline(q.topicTitle)}**: ${inline(q.question.questionText)}`);
    out.push(answerLine('STAR answer', q.star));
    out.push(answerLine(`Follow-up (${inline(q.question.followUpText)})`, q.followUp));
    if (q.story) out.push(`   - Story: ${inline(q.story)}`);
  }
  out.push('');
  const name = (i: number | null) => (i === null ? undefined : `question ${i + 1}`);
  const verdict = [
    name(s.strongest) && `**Strongest:** ${name(s.strongest)}`,
    name(s.weakest) && `**Weakest:** ${name(s.weakest)}`,
  ].filter(Boolean);
  if (verdict.length > 0) out.push(verdict.join(' · '), '');
  return out.join('\n');
}
