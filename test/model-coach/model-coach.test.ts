// The model coach on its own, against the local OpenAI-compatible stand-in: the per-replica limit and its
// bounded queue, the key sent as a bearer token only when set, and a stop that ends calls in flight.
//
// Bad inputs tried: more answers at once than the limit and the queue hold; a model that never answers.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ModelCoach, QUEUE_PER_SLOT } from '../../src/model-coach/model-coach.ts';
import { WE_ANSWER } from '../coaching/support.ts';
import { type ModelStandin, startModelStandin } from '../support/model-standin.ts';
import { GROUNDED, MODEL_NAME, modelConfig } from './support.ts';

let model: ModelStandin;
beforeAll(async () => {
  model = await startModelStandin();
});
afterAll(() => model?.close());
beforeEach(() => model.reset());

const request = { question: 'Tell me about a production incident.', answer: WE_ANSWER };

describe('ModelCoach', () => {
  it('runs at most COACH_MODEL_CONCURRENCY calls at once, queues a bounded number, and skips the rest', async () => {
    model.defaultBehaviour = { kind: 'hang' };
    const coach = new ModelCoach(modelConfig(model, { concurrency: 2 }), { budgetMs: 60_000 });
    const capacity = 2 + 2 * QUEUE_PER_SLOT;
    const outcomes = Array.from({ length: capacity + 3 }, () => coach.coach(request));
    // The three beyond the queue are skipped at once, while the others still wait.
    const settled = await Promise.race([
      Promise.all(outcomes.slice(capacity)),
      new Promise((r) => setTimeout(r, 5_000, 'timeout')),
    ]);
    expect(settled).toEqual([{ kind: 'skipped' }, { kind: 'skipped' }, { kind: 'skipped' }]);
    await expect.poll(() => model.requests.length).toBe(2);
    // Stopping ends the two calls in flight and skips everything queued, without waiting for the model.
    const stopping = coach.stop();
    const all = await Promise.all(outcomes);
    await stopping;
    expect(all.filter((o) => o.kind === 'failed')).toEqual([
      { kind: 'failed', reason: 'stopped' },
      { kind: 'failed', reason: 'stopped' },
    ]);
    expect(all.filter((o) => o.kind === 'skipped')).toHaveLength(capacity + 3 - 2);
    expect(model.requests).toHaveLength(2);
    model.defaultBehaviour = { kind: 'status', status: 503 };
  });

  it('sends COACH_MODEL_KEY as a bearer token, and no Authorization header without one', async () => {
    model.answer({ kind: 'json', body: GROUNDED }, { kind: 'json', body: GROUNDED });
    const withKey = new ModelCoach(modelConfig(model, { apiKey: 'sk-test-123' }));
    expect(await withKey.coach(request)).toMatchObject({ kind: 'grounded' });
    const without = new ModelCoach(modelConfig(model));
    expect(await without.coach(request)).toMatchObject({ kind: 'grounded' });
    expect(model.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-test-123', undefined]);
    expect(model.requests.map((r) => r.body.model)).toEqual([MODEL_NAME, MODEL_NAME]);
    // Structured output: the reply's JSON Schema travels with the request.
    expect(model.requests[0]?.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'coaching', schema: { type: 'object' } },
    });
  });

  it('does not retry a 4xx other than 429', async () => {
    model.answer({ kind: 'status', status: 400 });
    const coach = new ModelCoach(modelConfig(model));
    expect(await coach.coach(request)).toEqual({ kind: 'failed', reason: 'refused', statusCode: 400 });
    expect(model.requests).toHaveLength(1);
  });
});
