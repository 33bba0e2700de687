// `/star export` at most 3 times an hour per person, over HTTP as Slack sends it.
//
// Bad inputs tried: a fourth export within the hour (refused, saying when, nothing uploaded); five exports
// sent at once (exactly three upload); exports with nothing stored (never spend a slot). The controls: another
// person is not limited by the first; an hour later the first can export again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../harness/test-clock.ts';
import { requestDrill } from '../support/drill-driver.ts';
import type { TestBot } from '../support/test-bot.ts';
import { person, star, startProgressBot } from './support.ts';

const clock = new TestClock(new Date('2027-02-01T10:00:00Z'));
let t: TestBot;

beforeAll(async () => {
  t = await startProgressBot(clock);
});
afterAll(async () => {
  await t?.close();
});

/** Files the bot finished uploading to `userId`'s DM. */
const uploadsTo = (userId: string) =>
  t.standin
    .callsTo('files.completeUploadExternal')
    .filter((c) => c.response.ok === true && c.args.channel_id === t.standin.dmChannelFor(userId)).length;

async function personWithADrill(): Promise<string> {
  const user = person(t, 'Europe/London', 'UEXP');
  await requestDrill(t, user, 'random', t.standin.dmChannelFor(user));
  return user;
}

describe('/star export rate limit', () => {
  it('three an hour: the fourth says so and when, uploads nothing; others are not limited; an hour later it works', async () => {
    clock.set('2027-02-01T10:00:00Z');
    const user = await personWithADrill();
    for (let i = 0; i < 3; i += 1) expect((await star(t, user, 'export')).text).toBe('');
    expect(uploadsTo(user)).toBe(3);

    clock.set('2027-02-01T10:20:00Z');
    const refused = await star(t, user, 'export');
    expect(refused.text).toContain('3 times an hour');
    expect(refused.text).toContain('Nothing was exported');
    expect(refused.text).toContain('try again in 40 minutes');
    expect(uploadsTo(user)).toBe(3);

    const other = await personWithADrill();
    expect((await star(t, other, 'export')).text).toBe('');
    expect(uploadsTo(other)).toBe(1);

    clock.set('2027-02-01T11:00:01Z');
    expect((await star(t, user, 'export')).text).toBe('');
    expect(uploadsTo(user)).toBe(4);
  });

  it('five at once: exactly three upload, two are told to wait', async () => {
    clock.set('2027-02-02T10:00:00Z');
    const user = await personWithADrill();
    const before = t.standin.ephemerals(user).length;
    await Promise.all(
      Array.from({ length: 5 }, () => t.standin.slashCommand(t.url, { userId: user, text: 'export' })),
    );
    await t.bot.idle();
    expect(uploadsTo(user)).toBe(3);
    const replies = t.standin
      .ephemerals(user)
      .slice(before)
      .map((c) => String(c.args.text));
    expect(replies.filter((r) => r.includes('3 times an hour'))).toHaveLength(2);
  });

  it('an export with nothing to export does not spend a slot', async () => {
    const stranger = person(t, 'Europe/London', 'UNONE');
    for (let i = 0; i < 4; i += 1)
      expect((await star(t, stranger, 'export')).text).toContain('Nothing to export yet');
  });
});
