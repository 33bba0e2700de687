import { requirementsOf } from '../coach/checks/role.ts';
import { englishNlp } from '../coach/nlp.ts';
import type { Database } from '../db/client.ts';
import { findRole } from '../db/repositories/roles.ts';
import { storyTextsOf } from '../db/repositories/stories.ts';
import type { Person } from '../drills/person.ts';
import { uncoveredRequirements } from '../progress/role-coverage.ts';
import type { RoleGaps } from '../views/recap.ts';

/** For the weekly recap: the person's role and the requirements no story of theirs covers yet (none: no role). */
export async function roleGapsOf(db: Database, who: Person): Promise<RoleGaps | undefined> {
  const role = await findRole(db, who);
  if (!role) return undefined;
  const requirements = requirementsOf(role);
  const missing = uncoveredRequirements(requirements, await storyTextsOf(db, who), englishNlp());
  return { title: role.title, uncovered: missing.map((r) => r.phrase), total: requirements.length };
}
