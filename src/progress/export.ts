/**
 * `/star export`: every drill and answer of a user as one Markdown file, newest first.
 *
 * The user's own words (the four STAR parts, follow-up answers) are kept verbatim inside fenced code
 * blocks: a line starting with `#`, `>`, `-`, `1.` or `|`, a `<script>` or a run of backticks in an answer
 * then stays text instead of becoming a heading, a quote, a list, a table or HTML. Blockquotes would not
 * do: Markdown inside a quote is still Markdown (`> # x` is a heading). The fence is one backtick longer
 * than the longest run in the text, so no line of the answer can close it. Only line endings change
 * (CRLF and CR become LF) because a lone CR ends a line in Markdown anyway.
 *
 * Text from the guide (questions, titles, follow-up questions) is written inline with Markdown's
 * punctuation backslash-escaped, so it renders as written and never as markup.
 */
import { SELF_RATING_LABELS, type SelfRating } from '../drills/review-cards.ts';
import { localWallOf } from '../drills/schedule.ts';
import { STAR_LABELS, STAR_PARTS, type StarAnswer } from '../drills/star-answer.ts';
import { formatMinuteOfDay } from '../drills/subscribe-args.ts';
import { inlineText } from './markdown-text.ts';
import { mockExportSection } from './mock-export.ts';
import type { MockSummary } from './mock-summary.ts';
import { type ExportPeer, peerExportSections } from './peer-export.ts';

export { inlineText };

export interface ExportFollowUp {
  question: string;
  answer: string;
}

export interface ExportAnswer {
  parts: StarAnswer;
  answeredAt: Date;
  /** The coach's score, 0..100, when there is one. */
  score: number | null;
  /** The self-rating, when given. */
  rating: SelfRating | null;
  followUps?: readonly ExportFollowUp[];
  /** The title of the story the answer tells (the story bank), when it has one. */
  story?: string;
}

export interface ExportDrill {
  topicTitle: string;
  questionText: string;
  /** When the drill was sent. */
  askedAt: Date;
  /** Null for a drill not answered. */
  answer: ExportAnswer | null;
}

export interface ExportMock {
  startedAt: Date;
  summary: MockSummary;
}

export interface ExportInput {
  /** The user's IANA zone: dates are written in it. */
  zone: string;
  drills: readonly ExportDrill[];
  /** Their mock interviews (`/star mock`), newest first; each answer is among `drills` too. */
  mocks?: readonly ExportMock[];
  now: Date;
  /** Ask a colleague: the requests made and the reviews given. */
  peer?: ExportPeer;
}

// schedule.ts's zone arithmetic rather than luxon's formatting: a thousand drills formatted by luxon took
// most of the 200 ms budget on a cold start.
function localTime(at: Date, zone: string): string {
  const wall = localWallOf(zone, at);
  return `${wall.localDate} ${formatMinuteOfDay(wall.minuteOfDay)}`;
}

function localDay(at: Date, zone: string): string {
  return localWallOf(zone, at).localDate;
}

/** The file name for an export made at `now`: `star-drill-2026-03-10.md`. */
export function exportFilename(zone: string, now: Date): string {
  return `star-drill-${localDay(now, zone)}.md`;
}

const BACKTICK = 96;

/** User text verbatim in a fenced block that nothing inside can close. */
export function fenced(text: string): string {
  const body = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let longest = 0;
  for (let i = body.indexOf('`'); i !== -1; ) {
    let end = i;
    while (body.charCodeAt(end) === BACKTICK) end++;
    longest = Math.max(longest, end - i);
    i = body.indexOf('`', end);
  }
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
}

function drillSection(d: ExportDrill, zone: string): string {
  const out: string[] = [
    `## ${localDay(d.askedAt, zone)} · ${inlineText(d.topicTitle)}`,
    '',
    `**Question:** ${inlineText(d.questionText)}`,
    '',
  ];
  const a = d.answer;
  if (a === null) {
    out.push('_Not answered._', '');
    return out.join('\n');
  }
  const facts = [`**Answered:** ${localTime(a.answeredAt, zone)}`];
  if (a.score !== null) facts.push(`**Score:** ${a.score}/100`);
  if (a.rating !== null) facts.push(`**Self-rating:** ${SELF_RATING_LABELS[a.rating]}`);
  out.push(facts.join(' · '), '');
  // A title is the person's words on one line: escaped like guide text, so it shows as written.
  if (a.story !== undefined) out.push(`**Story:** ${inlineText(a.story)}`, '');
  for (const part of STAR_PARTS) out.push(`### ${STAR_LABELS[part]}`, '', fenced(a.parts[part]), '');
  if (a.followUps && a.followUps.length > 0) {
    out.push('### Follow-up questions', '');
    for (const f of a.followUps) out.push(`**${inlineText(f.question)}**`, '', fenced(f.answer), '');
  }
  return out.join('\n');
}

/** The whole export. Drills newest first (by when they were sent); ties keep the given order. */
export function exportMarkdown({ zone, drills, mocks = [], now, peer }: ExportInput): string {
  const sorted = drills
    .map((d, i) => ({ d, i }))
    .sort((x, y) => y.d.askedAt.getTime() - x.d.askedAt.getTime() || x.i - y.i)
    .map(({ d }) => d);
  const answered = drills.filter((d) => d.answer !== null).length;
  const count = `${drills.length} ${drills.length === 1 ? 'drill' : 'drills'}, ${answered} answered`;
  const head = [
    '# Star Drill: your drills and answers',
    '',
    `Exported ${localTime(now, zone)} (${inlineText(zone)}). ${count}.`,
    '',
    'Your answers are in code blocks, exactly as you wrote them.',
    '',
  ];
  if (sorted.length === 0) head.push('_No drills yet._', '');
  const sections = sorted.map((d) => `---\n\n${drillSection(d, zone)}`);
  const mockSections = mocks.map(
    (m) => `---\n\n${mockExportSection(m.summary, localDay(m.startedAt, zone))}`,
  );
  const peerSections = peer
    ? peerExportSections(peer, { day: (at) => localDay(at, zone), inline: inlineText, fenced })
    : [];
  return [...head, ...sections, ...mockSections, ...peerSections].join('\n');
}
