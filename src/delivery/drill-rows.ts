import type { QuestionBank } from '../bank/question-bank.ts';
import type { Database } from '../db/client.ts';
import { drillHistories } from '../db/repositories/drills.ts';
import { answeredDrillsOfUsers } from '../db/repositories/progress.ts';
import { ratedCardsOfUsers } from '../db/repositories/review-cards.ts';
import { insertScheduledDrills } from '../db/repositories/scheduled-drills.ts';
import { storyCountsOfPeople } from '../db/repositories/stories.ts';
import type { SubscriptionWithZone } from '../db/repositories/subscriptions.ts';
import type { Drill } from '../db/schema/index.ts';
import { chooseScheduledQuestion, inInterviewCountdown } from '../drills/choose-drill.ts';
import { personKey } from '../drills/person.ts';
import { scheduleOf } from '../drills/stored-schedule.ts';
import { isReminderDelay, reminderAt } from '../progress/reminder.ts';
import { interviewFocus, topicProgress } from '../progress/topic-stats.ts';
import type { TeamBanks } from '../workspaces/guide-banks.ts';
import { drillRow } from './posts.ts';

/** A batch row's drill, stored (or found from an earlier attempt), or why it could not be. */
export type PreparedDrill = { drill: Drill; created: boolean } | Error;

/**
 * The drill rows of a claimed batch, by subscription id: one history query for all its users, the questions
 * chosen in memory (drills/choose-drill.ts, the same rule as on demand), one multi-row insert. The unique
 * (user, local date) index is the last guard: a row may exist from an earlier attempt (a replica that died, a
 * claim given back), and is then reused, not duplicated.
 */
export async function prepareScheduledDrills(
  deps: { db: Database; banks: TeamBanks },
  items: ReadonlyArray<{ row: SubscriptionWithZone; localDate: string }>,
  now: Date,
): Promise<Map<number, PreparedDrill>> {
  const result = new Map<number, PreparedDrill>();
  if (items.length === 0) return result;
  const { db, banks } = deps;
  try {
    const people = items.map((i) => i.row);
    // An interview countdown drills the weakest topics first: their progress is read for those users only.
    const countingDown = items.filter((i) => inInterviewCountdown(i.row, i.localDate)).map((i) => i.row);
    const [histories, cards, answered, storyCounts, bankOf] = await Promise.all([
      drillHistories(db, people),
      ratedCardsOfUsers(db, people),
      answeredDrillsOfUsers(db, countingDown),
      storyCountsOfPeople(db, people),
      banksOfTeams(banks, people),
    ]);
    const rows = items.map(({ row, localDate }) => {
      const key = personKey(row);
      // Each workspace drills its own guide (workspaces/guide-banks.ts).
      const bank = bankOf(row.teamId);
      const topics = bank.topics.map((t) => ({
        slug: t.slug,
        title: t.title,
        questionIds: t.questions.map((q) => q.id),
      }));
      const rated = cards.get(key) ?? new Map();
      const weakestTopics = () =>
        interviewFocus(topicProgress({ topics, answered: answered.get(key) ?? [], rated, now }));
      const known = {
        history: histories.get(key) ?? [],
        rated,
        weakestTopics,
        storiesPerTopic: storyCounts.get(key) ?? new Map<string, number>(),
      };
      const { topic, question } = chooseScheduledQuestion(bank, row, localDate, known, now);
      return {
        ...drillRow(row, topic, question, 'scheduled', now),
        subscriptionId: row.id,
        localDate,
        remindAt: remindAtFor(row, localDate, now),
      };
    });
    const stored = await insertScheduledDrills(db, rows);
    for (const [i, item] of items.entries()) result.set(item.row.id, stored[i] ?? new Error('not stored'));
  } catch (err) {
    for (const item of items) result.set(item.row.id, err instanceof Error ? err : new Error(String(err)));
  }
  return result;
}

/** The reminder of a drill delivered now, from the subscription's delay (progress/reminder.ts). */
function remindAtFor(row: SubscriptionWithZone, localDate: string, now: Date): Date | null {
  const delay = row.reminderMinutes ?? null;
  return isReminderDelay(delay)
    ? reminderAt({ deliveredAt: now, delayMinutes: delay, zone: scheduleOf(row).zone, localDate })
    : null;
}

/** The bank of every workspace of the batch, each looked up once (cached: usually no query at all). */
async function banksOfTeams(
  banks: TeamBanks,
  people: ReadonlyArray<{ teamId: string }>,
): Promise<(teamId: string) => QuestionBank> {
  const teams = [...new Set(people.map((p) => p.teamId))];
  const found = new Map(await Promise.all(teams.map(async (t) => [t, await banks.forTeam(t)] as const)));
  return (teamId) => found.get(teamId) ?? banks.builtIn;
}
