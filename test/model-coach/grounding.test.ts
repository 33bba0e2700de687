// Grounding of the model's output in the candidate's answer: numbers and quoted spans verbatim, names by
// word; an item that fails is dropped; nothing grounded, no reply.
//
// Bad outputs tried: an invented number, a number reworded (12% -> 15%), a spelled-out number not in the
// answer, a quote reworded, a quote of a word found only inside another word, an invented name mid-sentence
// and at the start of a sentence, an invented CamelCase tool, a rewrite grounded in its Action only, a
// rewrite with no named change, empty strings.

import { describe, expect, it } from 'vitest';
import { groundReply } from '../../src/model-coach/grounding.ts';
import type { ModelReply } from '../../src/model-coach/reply-schema.ts';

const ANSWER = {
  situation:
    'In March our checkout service at Acme started timing out during the evening peak, and about 12% of orders failed.',
  task: 'I was the on-call engineer, so restoring checkout was my job.',
  action:
    'We looked at the Grafana dashboards, we found that the Redis cache was full, and I flushed the stale session keys. Then we wrote a runbook and I reviewed it with Priya.',
  result:
    'Checkout recovered within 20 minutes and failed orders dropped from 12% to 0.5%. I learned to alert on cache memory before it fills.',
};

const GOOD_REWRITE = {
  action:
    'I looked at the Grafana dashboards, found that the Redis cache was full and flushed the stale session keys. Then I wrote a runbook and reviewed it with Priya.',
  result: 'Failed orders dropped from 12% to 0.5% within 20 minutes, and checkout recovered.',
  changes: ["'we' -> 'I' where you acted", 'moved the 12% to 0.5% figure to the start of the Result'],
};

const reply = (over: Partial<ModelReply>): ModelReply => ({
  followUps: [
    'What told you it was the Redis cache and not the checkout service itself?',
    'Why did you flush the stale session keys rather than restart the cache?',
  ],
  rewrite: GOOD_REWRITE,
  ...over,
});

describe('groundReply', () => {
  it('keeps a reply whose every number, quote and name is in the answer', () => {
    const { reply: kept, dropped } = groundReply(reply({}), ANSWER);
    expect(dropped).toEqual([]);
    expect(kept?.followUps).toHaveLength(2);
    expect(kept?.rewrite).toEqual(GOOD_REWRITE);
  });

  it('drops a follow-up with an invented number, and keeps the other', () => {
    const { reply: kept, dropped } = groundReply(
      reply({ followUps: ['Why did 15% of orders fail?', 'Who did you review the runbook with?'] }),
      ANSWER,
    );
    expect(kept?.followUps).toEqual(['Who did you review the runbook with?']);
    expect(dropped).toEqual([{ item: 'followUp1', reason: 'number' }]);
  });

  it('drops a spelled-out number the answer does not have', () => {
    const { dropped } = groundReply(reply({ followUps: ['What were the two options you weighed?'] }), ANSWER);
    expect(dropped).toEqual([{ item: 'followUp1', reason: 'number' }]);
  });

  it('drops an invented name, mid-sentence or opening it, and an invented tool', () => {
    const { reply: kept, dropped } = groundReply(
      reply({
        followUps: [
          'Did you tell Marcus before you flushed the keys?',
          'Kubernetes restarted the pods: why?',
          'Why not page the team with PagerDuty?',
          'What did Priya say about the runbook?',
        ],
      }),
      ANSWER,
    );
    expect(dropped.map((d) => d.reason)).toEqual(['name', 'name', 'name']);
    expect(kept?.followUps).toEqual(['What did Priya say about the runbook?']);
  });

  it('drops a quote that is not word for word in the answer, even one found inside another word', () => {
    const { dropped } = groundReply(
      reply({
        followUps: [
          'You said "the cache was completely full": how did you know?',
          'You wrote ‘restoring checkout was my job’: what else was?',
        ],
        rewrite: { ...GOOD_REWRITE, changes: ["'ear' -> 'I'"] },
      }),
      ANSWER,
    );
    expect(dropped).toEqual([
      { item: 'followUp1', reason: 'quote' },
      { item: 'change1', reason: 'quote' },
      { item: 'rewrite', reason: 'empty' },
    ]);
  });

  it('keeps the rewrite only when both its Action and Result are grounded and a change is named', () => {
    const inventedResult = groundReply(
      reply({ rewrite: { ...GOOD_REWRITE, result: 'Failed orders dropped to 0.1% within 20 minutes.' } }),
      ANSWER,
    );
    expect(inventedResult.reply?.rewrite).toBeUndefined();
    expect(inventedResult.dropped).toEqual([{ item: 'rewrite.result', reason: 'number' }]);
    const noChanges = groundReply(reply({ rewrite: { ...GOOD_REWRITE, changes: [] } }), ANSWER);
    expect(noChanges.reply?.rewrite).toBeUndefined();
  });

  it('gives no reply when nothing survives', () => {
    const { reply: kept, dropped } = groundReply(
      {
        followUps: ['Why did 40 orders fail?', '   '],
        rewrite: {
          action: 'I called AWS support.',
          result: 'Errors fell by 90%.',
          changes: ['added numbers'],
        },
      },
      ANSWER,
    );
    expect(kept).toBeUndefined();
    expect(dropped.map((d) => d.reason)).toEqual(['number', 'empty', 'name']);
  });

  it('lets the coach name the STAR parts and say "I" without them being facts of the story', () => {
    const { reply: kept } = groundReply(
      reply({ followUps: ['In your Result, what did I miss about the Action?'] }),
      ANSWER,
    );
    expect(kept?.followUps).toHaveLength(1);
  });

  it('reads a possessive or a compound of the answer’s names as theirs', () => {
    const { dropped } = groundReply(
      reply({ followUps: ["What was Priya's view of the Redis-Grafana setup?"] }),
      ANSWER,
    );
    expect(dropped).toEqual([]);
  });
});
