// `saveSubscription` with the user row (issue 16, item 6: a new person's `/star subscribe` in two statements,
// the read and one write, instead of five). The user row and the subscription are written by one statement:
// both or neither, with no transaction around them. On a real database (PGlite, or the Postgres server when
// DATABASE_URL is set).
//
// Bad inputs tried: a subscription the table's checks refuse (minute of day 1440) for a new user, and for a
// known user whose zone would change: the statement fails and neither row is made or changed.

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type SubscriptionSettings, saveSubscription } from '../../src/db/repositories/subscriptions.ts';
import { ensureUser } from '../../src/db/repositories/users.ts';
import { subscriptions, users } from '../../src/db/schema/index.ts';
import type { Person } from '../../src/drills/person.ts';
import { useMigratedDatabase } from '../support/migrated-database.ts';

const migrated = useMigratedDatabase();

const settings = (person: Person, minuteOfDay = 540): SubscriptionSettings => ({
  person,
  minuteOfDay,
  days: 'weekdays',
  topics: [],
  skipDate: null,
  next: { localDate: '2026-12-07', dueAt: new Date('2026-12-07T08:00:00Z') },
  nextRecapAt: new Date('2026-12-11T08:00:00Z'),
});

async function rowsOf(p: Person) {
  const [user] = await migrated.handle.db
    .select()
    .from(users)
    .where(and(eq(users.teamId, p.teamId), eq(users.id, p.userId)));
  const [sub] = await migrated.handle.db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.teamId, p.teamId), eq(subscriptions.userId, p.userId)));
  return { user, sub };
}

describe('saveSubscription with the user row', () => {
  it('makes a new user and their subscription in one statement', async () => {
    const p = { teamId: 'T0WRITE', userId: 'U0NEW' };
    await saveSubscription(migrated.handle.db, {
      ...settings(p),
      user: { tz: 'Europe/Berlin', enterpriseId: 'E0ORG' },
    });
    const { user, sub } = await rowsOf(p);
    expect(user).toMatchObject({ tz: 'Europe/Berlin', enterpriseId: 'E0ORG' });
    expect(sub).toMatchObject({ minuteOfDay: 540, active: true, dayMask: 31 });
  });

  it('changes a known user’s zone, and keeps their enterprise id when the request names none', async () => {
    const p = { teamId: 'T0WRITE', userId: 'U0KNOWN' };
    await ensureUser(migrated.handle.db, p, { tz: 'UTC', enterpriseId: 'E0ORG' });
    await saveSubscription(migrated.handle.db, { ...settings(p, 600), user: { tz: 'Asia/Tokyo' } });
    const { user, sub } = await rowsOf(p);
    expect(user).toMatchObject({ tz: 'Asia/Tokyo', enterpriseId: 'E0ORG' });
    expect(sub).toMatchObject({ minuteOfDay: 600 });
  });

  it('stores neither row when the subscription is refused (a new user)', async () => {
    const p = { teamId: 'T0WRITE', userId: 'U0REFUSED' };
    await expect(
      saveSubscription(migrated.handle.db, { ...settings(p, 1440), user: { tz: 'Europe/Paris' } }),
    ).rejects.toThrow();
    expect(await rowsOf(p)).toEqual({ user: undefined, sub: undefined });
  });

  it('changes neither row when the subscription is refused (a known user whose zone would change)', async () => {
    const p = { teamId: 'T0WRITE', userId: 'U0KEPT' };
    await saveSubscription(migrated.handle.db, { ...settings(p, 480), user: { tz: 'America/Chicago' } });
    await expect(
      saveSubscription(migrated.handle.db, { ...settings(p, 1440), user: { tz: 'Australia/Sydney' } }),
    ).rejects.toThrow();
    const { user, sub } = await rowsOf(p);
    expect(user).toMatchObject({ tz: 'America/Chicago' });
    expect(sub).toMatchObject({ minuteOfDay: 480 });
  });
});
