import { lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { seenSignatures } from '../schema/index.ts';

/**
 * True the first time any replica offers `signature`; false for a replay. `expiresAt` is when the request's
 * timestamp stops being accepted: the row is kept until then.
 */
export async function firstTimeSignature(db: Database, signature: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .insert(seenSignatures)
    .values({ signature, expiresAt })
    .onConflictDoNothing()
    .returning({ signature: seenSignatures.signature });
  return rows.length > 0;
}

/** Signatures whose requests can no longer be accepted anyway. */
export async function forgetExpiredSignatures(db: Database): Promise<void> {
  await db.delete(seenSignatures).where(lt(seenSignatures.expiresAt, sql`now()`));
}
