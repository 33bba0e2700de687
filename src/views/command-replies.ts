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
  [`${COMMAND} history`, 'your last 10 drills and whether you answered them'],
  [`${COMMAND} subscribe [HH:MM] [daily|weekdays] [topic ...]`, 'a drill every day at your local time'],
  [`${COMMAND} status`, 'your subscription and when the next drill comes'],
  [`${COMMAND} skip`, 'skip the next scheduled drill'],
  [`${COMMAND} unsubscribe`, 'stop the daily drills (your history stays)'],
  [`${COMMAND} help`, 'this help'],
];

function topicLines(topics: Topic[], findTopic: (q: string) => Topic | null): string {
  return topics.map((t) => `*${t.number}.* ${t.title} · \`${topicKeyword(t, findTopic)}\``).join('\n');
}

export function helpReply(topics: Topic[], findTopic: (q: string) => Topic | null): SlackMessage {
  const commands = COMMANDS.map(([usage, what]) => `\`${usage}\` ${what}`).join('\n');
  return {
    text: `Star Drill: practise behavioral interview answers with the STAR method. Try ${COMMAND} random.`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Star Drill* sends you a behavioral interview question; you answer it as Situation, Task, Action, Result and get the guide’s sample answer and the follow-ups to prepare.',
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Commands*\n${commands}`) } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(`*Topics*\n${topicLines(topics, findTopic)}`) } },
    ],
  };
}

export function topicsReply(topics: Topic[], findTopic: (q: string) => Topic | null): SlackMessage {
  const blocks: KnownBlock[] = topics.flatMap((t): KnownBlock[] => [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${t.number}. ${t.title}* · \`${COMMAND} ${topicKeyword(t, findTopic)}\`\n${t.keyConcepts}`,
        ),
      },
    },
  ]);
  return { text: topics.map((t) => `${t.number}. ${t.title}`).join(', '), blocks };
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
}

export function historyReply(rows: HistoryRow[]): SlackMessage {
  if (rows.length === 0) {
    const text = `No drills yet. Try \`${COMMAND} random\` for your first one.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const lines = rows.map((r) => {
    const status = r.answeredAt ? ':white_check_mark: answered' : ':hourglass_flowing_sand: not answered yet';
    return `${slackDate(r.createdAt, '{date_short}')} · *${escapeMrkdwn(r.topicTitle)}* · ${status}\n_${escapeMrkdwn(r.questionText)}_`;
  });
  return {
    text: `Your last ${rows.length} drills`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*Your last ${rows.length} drills*` } },
      { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n\n')) } },
    ],
  };
}

/** The bot is saturated: nothing was done, and saying so is the truth. */
export const BUSY =
  ':hourglass_flowing_sand: Star Drill is busy right now and did not do this; nothing was changed. Please try again in a minute.';

/** The database or Slack failed: what was asked is not done (its writes are rolled back). */
export const UNAVAILABLE =
  ':warning: Star Drill is temporarily unavailable (it cannot reach its database or Slack); nothing was changed. Please try again in a minute.';

export function plainReply(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text) } }] };
}
