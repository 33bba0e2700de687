// What the model-coaching end-to-end tests share: a bot whose operator configured a model (the local
// OpenAI-compatible stand-in), the model's replies for WE_ANSWER (grounded, and each way of not being), and
// reading the thread.

import { createTestDatabase } from '../../harness/test-database.ts';
import { startSlackStandin } from '../../local-slack/index.ts';
import type { CoachModelConfig } from '../../src/config.ts';
import type { InMemoryModelCoachMetrics } from '../../src/model-coach/counters.ts';
import { type ModelStandin, startModelStandin } from '../support/model-standin.ts';
import { BOT_TOKEN, SIGNING_SECRET, startTestBot, type TestBot, testConfig } from '../support/test-bot.ts';

export const MODEL_NAME = 'standin-coach';

export function modelConfig(model: ModelStandin, over: Partial<CoachModelConfig> = {}): CoachModelConfig {
  return { url: model.url, model: MODEL_NAME, concurrency: 4, ...over };
}

/** A single-workspace bot over HTTP with COACH_MODEL_URL pointing at a fresh model stand-in. */
export async function startModelBot(): Promise<{ t: TestBot; model: ModelStandin }> {
  const model = await startModelStandin();
  const standin = await startSlackStandin({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  const database = await createTestDatabase();
  const t = await startTestBot({
    standin,
    database,
    bot: { config: { ...testConfig(standin.apiUrl, database.config), coachModel: modelConfig(model) } },
  });
  return {
    model,
    t: {
      ...t,
      async close() {
        await t.close();
        await standin.close();
        await database.drop();
        await model.close();
      },
    },
  };
}

export const metricsOf = (t: TestBot) => t.bot.ctx.modelCoach?.metrics as InMemoryModelCoachMetrics;

/** The follow-ups a grounded reply to WE_ANSWER asks: every name in them is the answer's. */
export const GROUNDED_FOLLOW_UPS = [
  'What told you it was the Redis cache that was full, and not the pods?',
  'Why did you flush the cache before you restarted the pods?',
];

/** A reply to WE_ANSWER whose every number, quote and name is in it. */
export const GROUNDED = {
  followUps: GROUNDED_FOLLOW_UPS,
  rewrite: {
    action:
      'I looked at the dashboards with the team and found that the Redis cache was full; we flushed it and restarted the pods. Then I reviewed the runbook.',
    result:
      'Failed orders dropped from 12% to 0.5% and checkout recovered within 20 minutes. I learned to alert on cache memory before it fills.',
    changes: ["'we' -> 'I' where you acted", 'put the 12% to 0.5% drop first in the Result'],
  },
};

/** The same reply with a number the answer never gave in one follow-up and in the rewrite's Result. */
export const INVENTED_NUMBER = {
  ...GROUNDED,
  followUps: ['Why did 15% of orders fail before you were paged?', GROUNDED_FOLLOW_UPS[1]],
  rewrite: { ...GROUNDED.rewrite, result: 'Failed orders dropped from 12% to 0.1% within 20 minutes.' },
};

/** A quote the candidate never wrote, in one follow-up and in the only named change. */
export const FOREIGN_QUOTE = {
  ...GROUNDED,
  followUps: ['You said "the cache exploded": what did you see first?', GROUNDED_FOLLOW_UPS[0]],
  rewrite: { ...GROUNDED.rewrite, changes: ["replaced 'we fixed everything' with your own steps"] },
};

/** Nothing grounded at all: invented numbers, a name and a quote in every item. */
export const NOTHING_GROUNDED = {
  followUps: ['Why did 15% of orders fail?', 'Did Marcus agree with "the cache exploded"?'],
  rewrite: {
    action: 'I paged Marcus and flushed 40 GB of keys.',
    result: 'Errors fell by 90%.',
    changes: ['added numbers'],
  },
};
