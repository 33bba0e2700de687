import type { Topic } from '../../bank/types.ts';
import type { Database } from '../../db/client.ts';
import { findModelFollowUp } from '../../db/repositories/workspace-model.ts';
import type { Drill } from '../../db/schema/index.ts';

/**
 * The question of a drill's follow-up `number`: the guide's own for 1..N (its topic's follow-ups), then the
 * ones the model asked about this answer (stored when its reply was posted). Undefined when there is none.
 */
export async function followUpQuestion(
  db: Database,
  drill: Pick<Drill, 'id' | 'teamId' | 'userId'>,
  topic: Topic,
  number: number,
): Promise<string | undefined> {
  if (number < 1) return undefined;
  if (number <= topic.followUps.length) return topic.followUps[number - 1];
  return (await findModelFollowUp(db, drill, number))?.questionText;
}
