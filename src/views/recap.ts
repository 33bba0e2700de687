import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { WeeklyRecap } from '../progress/recap.ts';
import { scoreBar } from '../progress/topic-stats.ts';
import type { SlackMessage } from './drill-message.ts';
import { COMMAND } from './ids.ts';
import { clip, escapeClipped, escapeMrkdwn } from './mrkdwn.ts';

/** "Mon 2 Mar – Sun 8 Mar"; with the years when the week spans New Year. */
export function weekLabel(weekStart: string, weekEnd: string): string {
  const start = DateTime.fromISO(weekStart, { zone: 'utc' });
  const end = DateTime.fromISO(weekEnd, { zone: 'utc' });
  const format = start.year === end.year ? 'ccc d LLL' : 'ccc d LLL yyyy';
  return `${start.toFormat(format)} – ${end.toFormat(format)}`;
}

/** "up 6 from last week", "down 3 from last week", "the same as last week"; null without a comparison. */
export function changeLabel(change: number | null): string | null {
  if (change === null) return null;
  if (change === 0) return 'the same as last week';
  return `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} from last week`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Topic titles come from the guide: escaped, and clipped so one long title cannot crowd out the rest. */
function topicName(title: string): string {
  return `*${escapeClipped(title, 80)}*`;
}

/** The weekly recap DM: a few lines that read on a phone, and the same facts as the notification text. */
/** The role set with `/star role`, and its requirements that no story covers yet. */
export interface RoleGaps {
  title: string;
  uncovered: readonly string[];
  total: number;
}

/** At most this many requirements are named: the recap is a glance, not a checklist. */
const MAX_GAPS_NAMED = 5;

function roleLine(g: RoleGaps): string | undefined {
  if (g.total === 0) return undefined;
  const role = `*${escapeMrkdwn(g.title)}*`;
  if (g.uncovered.length === 0)
    return `:briefcase: ${role}: your stories cover all ${g.total} requirements read from its description.`;
  const named = g.uncovered.slice(0, MAX_GAPS_NAMED).map((u) => `‘${escapeMrkdwn(u)}’`);
  const more = g.uncovered.length > MAX_GAPS_NAMED ? ` and ${g.uncovered.length - MAX_GAPS_NAMED} more` : '';
  return `:briefcase: For ${role}, no story covers yet: ${named.join(', ')}${more}.`;
}

export function recapMessage(r: WeeklyRecap, gaps?: RoleGaps): SlackMessage {
  const drills = plural(r.answered, 'drill', 'drills');
  const change = changeLabel(r.change);
  const lines = [`:white_check_mark: *${drills}* answered`];
  if (r.averageScore !== null) {
    lines.push(`:bar_chart: Average score ${scoreBar(r.averageScore)}${change ? `, ${change}` : ''}`);
  }
  if (r.strongest) {
    lines.push(
      r.weakest
        ? `:muscle: Strongest: ${topicName(r.strongest.title)} (${r.strongest.averageScore})\n:dart: To work on: ${topicName(r.weakest.title)} (${r.weakest.averageScore})`
        : `:muscle: Topic: ${topicName(r.strongest.title)} (${r.strongest.averageScore})`,
    );
  }
  const longest = r.streak.longest > r.streak.current ? ` (longest ${r.streak.longest})` : '';
  lines.push(`:fire: Streak: *${plural(r.streak.current, 'drill day', 'drill days')}*${longest}`);
  const role = gaps ? roleLine(gaps) : undefined;
  if (role) lines.push(role);

  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Your week in Star Drill* · ${weekLabel(r.weekStart, r.weekEnd)}` },
    },
    { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n')) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `\`${COMMAND} recap off\` stops these weekly recaps.` }],
    },
  ];
  const average =
    r.averageScore === null ? '' : `, average score ${r.averageScore}${change ? ` (${change})` : ''}`;
  return { text: `Your week: ${drills} answered${average}.`, blocks };
}
