/**
 * Nouns that name no thing in particular: outcome words ("a 35% improvement" in what?) and fillers ("a lot",
 * "everything"). Shared by the story reading (story.ts: a sentence naming only these tells nothing) and the
 * measured-result check (checks/measured.ts: a number about only these measures nothing), each adding its own.
 */
export const VAGUE_NOUNS: readonly string[] = [
  'improvement',
  'increase',
  'decrease',
  'reduction',
  'boost',
  'gain',
  'growth',
  'delivery',
  'performance',
  'efficiency',
  'result',
  'outcome',
  'impact',
  'success',
  'value',
  'thing',
  'x',
  'lot',
  'everything',
];
