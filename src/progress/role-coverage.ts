/**
 * Which of a role's requirements none of the person's stories shows yet (the weekly recap names them): a
 * requirement is covered when any answer that tells a story shows it, by the same rule as the coach's
 * "Connects to the role" check.
 */
import type { WinkMethods } from 'wink-nlp';
import { matchRequirements, type Requirement } from '../drills/role-requirements.ts';

export function uncoveredRequirements(
  requirements: readonly Requirement[],
  storyTexts: readonly string[],
  nlp: WinkMethods,
): Requirement[] {
  const covered = new Set<string>();
  for (const text of storyTexts) {
    for (const m of matchRequirements(text, requirements, nlp)) covered.add(m.requirement.phrase);
  }
  return requirements.filter((r) => !covered.has(r.phrase));
}
