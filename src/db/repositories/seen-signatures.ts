import { lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { param, preparedFor } from '../prepared.ts';
import { seenSignatures } from '../schema/index.ts';

/** Signatures whose requests can no longer be accepted anyway. */
export async function forgetExpiredSignatures(db: Database): Promise<void> {
  await db.delete(seenSignatures).where(lt(seenSignatures.expiresAt, sql`now()`));
}

/**
 * Many signatures in one statement (group commit under a burst): the ones no replica had seen, which this
 * statement inserted. A signature twice in `rows` is inserted once.
 */
export async function newSignatures(
  db: Database,
  rows: ReadonlyArray<{ signature: string; expiresAt: Date }>,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await newSignaturesQuery(db).execute({
    signatures: rows.map((r) => r.signature),
    expiries: rows.map((r) => r.expiresAt.toISOString()),
  });
  return new Set(inserted.map((r) => r.signature));
}

/** Every request runs it: one statement for any number of rows (two arrays), built once. */
const newSignaturesQuery = preparedFor((db) =>
  db
    .insert(seenSignatures)
    .select(sql`select * from unnest(${param('signatures')}::text[], ${param('expiries')}::timestamptz[])`)
    .onConflictDoNothing()
    .returning({ signature: seenSignatures.signature })
    .prepare('new_signatures'),
);
