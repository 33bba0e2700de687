/**
 * Someone the bot drills. Slack user ids are unique only within a workspace, so a person is the pair: the
 * same U123 in two workspaces is two people with separate subscriptions, drills and answers.
 */
export interface Person {
  teamId: string;
  userId: string;
}

/** A Map key for a person (Slack ids never contain a slash). */
export const personKey = (p: Person) => `${p.teamId}/${p.userId}`;
