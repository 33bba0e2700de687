import type { KnownBlock } from '@slack/types';
import type { Topic } from '../bank/types.ts';
import type { SlackMessage } from './drill-message.ts';
import { COMMAND } from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn, slackDate } from './mrkdwn.ts';

/** The word the help suggests for a topic: the first title word that resolves to it alone. */
export function topicKeyword(topic: Topic, findTopic: (q: string) => Topic | null): string {
  const words = topic.title.toLowerCase().split(/\s+/);
  // Gerunds like "handling" or "learning" read as verbs in a command; a noun is the better suggestion.
  const candidates = [...words.filter((w) => !w.endsWith('ing')), ...words];
  return candidates.find((w) => w.length >= 4 && findTopic(w)?.slug === topic.slug) ?? String(topic.number);
}

const COMMANDS: Array<[string, string]> = [
  [`${COMMAND} <topic>`, 'a drill on that topic, in your DM (a number or a word, e.g. `incidents`)'],
  [`${COMMAND} random`, 'a drill on any topic'],
  [`${COMMAND} topics`, 'the topics and their key concepts'],
  [`${COMMAND} history`, 'your last 10 drills: answered or not, score, rating, follow-ups'],
  [`${COMMAND} stories`, 'your stories against the five topics: which have fewer than two'],
  [`${COMMAND} role`, 'the role you are preparing for: answers are then checked against it'],
  [
    `${COMMAND} mock`,
    'a timed mock interview: three questions, weakest topics first, each with a follow-up, then a summary',
  ],
  [`${COMMAND} tips`, 'the guide’s preparation strategies'],
  [
    `${COMMAND} subscribe [HH:MM] [daily|weekdays] [topic ...]`,
    'a drill at your local time; by default 09:00 on weekdays, all topics',
  ],
  [`${COMMAND} status`, 'your subscription and when the next drill comes'],
  [`${COMMAND} skip`, 'skip the next scheduled drill'],
  [`${COMMAND} pause until YYYY-MM-DD`, 'no drills until that date (or `pause 7d` for a week)'],
  [`${COMMAND} resume`, 'end a pause early'],
  [
    `${COMMAND} interview YYYY-MM-DD`,
    'a drill every day until your interview, weakest topics first (`off` ends it)',
  ],
  [`${COMMAND} recap on|off`, 'the weekly recap DM on Mondays'],
  [`${COMMAND} export`, 'a Markdown file of all your drills and answers, in your DM'],
  [`${COMMAND} delete`, 'delete everything Star Drill stores about you (asks first)'],
  [`${COMMAND} unsubscribe`, 'stop the daily drills (your history stays)'],
  [
    `${COMMAND} model on|off`,
    'workspace admins: extra coaching from a language model after each answer (off unless turned on)',
  ],
  [`${COMMAND} help`, 'this help'],
];

function topicLines(topics: Topic[], findTopic: (q: string) => Topic | null): string {
  return topics.map((t) => `*${t.number}.* ${t.title} · \`${topicKeyword(t, findTopic)}\``).join('\n');
}

export function helpReply(topics: Topic[], findTopic: (q: string) => Topic | null): SlackMessage {
  // `<topic>` in backticks would still be read as a link by Slack: escape the usages too.
  const commands = COMMANDS.map(([usage, what]) => `\`${escapeMrkdwn(usage)}\` ${what}`).join('\n');
  return {
    text: `Star Drill: practise behavioral interview answers with the STAR method. Try ${COMMAND} random.`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Star Drill* sends you a behavioral interview question; you answer it as Situation, Task, Action, Result, and get a score with what to improve, the guide’s sample answer, and follow-ups to practise.',
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Commands*\n${commands}`) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Topics*\n${topicLines(topics, findTopic)}`) } },
    ],
  };
}

export function topicsReply(topics: Topic[], findTopic: (q: string) => Topic | null): SlackMessage {
  const entries = topics.map((t) =>
    clip(
      `*${t.number}. ${escapeMrkdwn(t.title)}* · \`${COMMAND} ${escapeMrkdwn(topicKeyword(t, findTopic))}\`\n${escapeMrkdwn(t.keyConcepts)}`,
    ),
  );
  return {
    text: topics.map((t) => `${t.number}. ${escapeMrkdwn(t.title)}`).join(', '),
    blocks: sections(entries, '\n\n'),
  };
}

/** A message holds at most 50 blocks: more topics than that share sections. */
const MAX_SECTIONS = 45;

/**
 * Entries packed into as few sections as their length needs (whole entries, never cut), one entry per
 * section while that fits within MAX_SECTIONS.
 */
function sections(entries: string[], separator: string): KnownBlock[] {
  const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
  if (entries.length <= MAX_SECTIONS) return entries.map(section);
  const packed: string[] = [];
  for (const entry of entries) {
    const last = packed.at(-1);
    if (last !== undefined && last.length + separator.length + entry.length <= 3000) {
      packed[packed.length - 1] = `${last}${separator}${entry}`;
    } else {
      packed.push(entry);
    }
  }
  return packed.slice(0, MAX_SECTIONS).map(section);
}

export function unknownTopicReply(query: string, topics: Topic[], findTopic: (q: string) => Topic | null) {
  const shown = escapeClipped(query, 60);
  const text = `I don't know the topic or command \`${shown}\`. Pick a topic below, or try \`${COMMAND} help\`.`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Topics*\n${topicLines(topics, findTopic)}`) } },
    ] satisfies KnownBlock[],
  };
}

export interface HistoryRow {
  topicTitle: string;
  questionText: string;
  createdAt: Date;
  answeredAt: Date | null;
  score?: number | null;
  /** The self-rating, e.g. "Good". */
  rating?: string | null;
  /** Follow-ups practised: their number and score. */
  followUps?: Array<{ number: number; score: number | null }>;
}

export function historyReply(rows: HistoryRow[]): SlackMessage {
  if (rows.length === 0) {
    const text = `No drills yet. Try \`${COMMAND} random\` for your first one.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const lines = rows.map((r) => {
    const status = r.answeredAt ? answeredLabel(r) : ':hourglass_flowing_sand: not answered yet';
    // Title and question are clipped on their own, so a row is never cut inside its date token, and ten
    // rows fit one section.
    return `${slackDate(r.createdAt, '{date_short}')} · *${escapeClipped(r.topicTitle, 60, 70)}* · ${status}\n_${escapeClipped(r.questionText, 120, 125)}_`;
  });
  const heading = rows.length === 1 ? 'Your last drill' : `Your last ${rows.length} drills`;
  return {
    text: heading,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${heading}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: wholeLines(lines, '\n\n', 3000) } },
    ],
  };
}

function answeredLabel(r: HistoryRow): string {
  const parts = [':white_check_mark: answered'];
  if (r.score != null) parts.push(`score ${r.score}/100`);
  if (r.rating) parts.push(`rated ${r.rating}`);
  const followUps = r.followUps ?? [];
  if (followUps.length > 0) {
    const scores = followUps.map((f) => `${f.number}${f.score == null ? '' : ` (${f.score})`}`).join(', ');
    parts.push(`follow-up${followUps.length === 1 ? '' : 's'} ${scores}`);
  }
  return parts.join(' · ');
}

/** `/star tips`: the guide's Preparation Strategies, as the guide words them. */
export function tipsReply(
  strategies: ReadonlyArray<{ number: number; title: string; text: string }>,
): SlackMessage {
  const lines = strategies.map((s) => `*${s.number}. ${escapeMrkdwn(s.title)}*: ${escapeMrkdwn(s.text)}`);
  return {
    text: `Preparation strategies: ${strategies.map((s) => s.title).join(', ')}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*Preparation strategies* (from the study guide)' } },
      ...sections(
        lines.map((l) => clip(l)),
        '\n\n',
      ),
    ],
  };
}

/** A word that names several topics: say which, and how to pick one. */
export function ambiguousTopicReply(
  query: string,
  matches: Topic[],
  topics: Topic[],
  findTopic: (q: string) => Topic | null,
): SlackMessage {
  const names = matches.map((t) => `*${escapeMrkdwn(t.title)}*`).join(' and ');
  const text = `\`${escapeClipped(query, 60)}\` matches ${matches.length} topics: ${names}. Pick one by its number or another word.`;
  return {
    text: `"${query.slice(0, 60)}" matches ${matches.length} topics: ${matches.map((t) => t.title).join(' and ')}.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: clip(text) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Topics*\n${topicLines(topics, findTopic)}`) } },
    ],
  };
}

/** Someone typed in their DM with the bot (or in a drill's thread): what the bot does and how to start. */
export function directMessageReply(inThread: boolean): SlackMessage {
  const text = inThread
    ? `:wave: I only read answers given with the buttons: *Answer with STAR* (or *Edit answer*) on the drill, or *Practise this follow-up* in its feedback. \`${COMMAND} help\` lists everything.`
    : `:wave: I'm Star Drill: I send behavioral interview questions and coach your STAR answers. I don't read messages typed here; use \`${COMMAND} random\` for a drill now, \`${COMMAND} subscribe\` for one every weekday, or \`${COMMAND} help\` for everything.`;
  return plainReply(text);
}

/** The bot is saturated: nothing was done, and saying so is the truth. */
export const BUSY =
  ':hourglass_flowing_sand: Star Drill is busy right now and did not do this; nothing was changed. Please try again in a minute.';

/** The database or Slack failed: what was asked is not done (its writes are rolled back). */
export const UNAVAILABLE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database or Slack); nothing was changed. Please try again in a minute.';

/** As many whole lines as fit `max` characters: a line is dropped rather than cut. */
function wholeLines(lines: string[], separator: string, max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out === '' ? line : `${out}${separator}${line}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

export function plainReply(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text) } }] };
}

/** A reply through a command's ack or response_url that only its user sees, posted beside the original. */
export function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, replace_original: false, ...message };
}
